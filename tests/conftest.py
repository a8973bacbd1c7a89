import pytest


@pytest.fixture(scope="session")
def coder():
    """One Coder for the whole session: loading spaCy and the lexicons takes seconds."""
    from onevoice.coder import Coder

    return Coder()
