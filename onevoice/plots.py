"""Charts of the analysis frames: PNG with matplotlib, interactive HTML with Plotly.

The HTML files embed plotly.js, so they open offline. Each chart is a time series with the
event counts under it, because a mean Goldstein over three events means little.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

TOP_DYADS = 6


def _panels(path: str | Path, title: str, panels: list[tuple[str, dict[str, pd.Series]]],
            counts: set[int] = frozenset()) -> Path:
    """Write stacked panels sharing the period axis; panels in `counts` are drawn as counts."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".png":
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(len(panels), 1, sharex=True, squeeze=False,
                                 figsize=(10, 2.8 * len(panels)))
        for i, (ax, (ylabel, series)) in enumerate(zip(axes[:, 0], panels)):
            for label, s in series.items():
                ax.plot(s.index, s.values, marker="o", markersize=3, label=label,
                        drawstyle="steps-mid" if i in counts else "default")
            if i in counts:
                ax.set_ylim(bottom=0)
            ax.set_ylabel(ylabel)
            ax.grid(alpha=0.3)
            if len(series) > 1:
                ax.legend(fontsize="small", loc="best")
        axes[0, 0].set_title(title)
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
    elif suffix in (".html", ".htm"):
        import plotly.graph_objects as go
        from plotly.subplots import make_subplots

        fig = make_subplots(rows=len(panels), cols=1, shared_xaxes=True,
                            subplot_titles=[p[0] for p in panels])
        for i, (_, series) in enumerate(panels, start=1):
            for label, s in series.items():
                trace = go.Bar if i - 1 in counts else go.Scatter
                fig.add_trace(trace(x=list(s.index), y=list(s.values), name=f"{label}",
                                    legendgroup=str(label), showlegend=i == 1 or len(series) > 1),
                              row=i, col=1)
        if counts:
            fig.update_layout(barmode="stack")
        fig.update_layout(title=title, height=300 * len(panels))
        fig.write_html(path, include_plotlyjs=True, full_html=True)
    else:
        raise ValueError(f"cannot plot to {path}: use a .png or .html file name")
    return path


def _pivot(df: pd.DataFrame, key: str, value: str) -> dict[str, pd.Series]:
    table = df.pivot_table(index="period", columns=key, values=value, aggfunc="sum")
    table.index = pd.to_datetime(table.index)
    return {str(c): table[c] for c in table.columns}


def plot_dyads(frame: pd.DataFrame, path: str | Path, top: int = TOP_DYADS) -> Path:
    """Mean Goldstein and event counts per period for the `top` busiest dyads."""
    df = frame.assign(dyad=frame["source"] + " → " + frame["target"])
    keep = df.groupby("dyad")["events"].sum().nlargest(top).index
    df = df[df["dyad"].isin(keep)]
    return _panels(path, "Dyads: mean Goldstein and events per period", [
        ("mean Goldstein", _pivot(df, "dyad", "goldstein_mean")),
        ("events", _pivot(df, "dyad", "events")),
    ], counts={1})


def plot_cohesion(frame: pd.DataFrame, path: str | Path, target: str = "") -> Path:
    """Cohesion index, each actor's mean Goldstein toward the target, and event counts."""
    summary = frame.groupby("period")["cohesion"].first()
    summary.index = pd.to_datetime(summary.index)
    toward = f" toward {target}" if target else ""
    return _panels(path, f"Cohesion{toward}: one voice = 1, split = 0", [
        ("cohesion index", {"cohesion": summary}),
        (f"mean Goldstein{toward}", _pivot(frame, "actor", "goldstein_mean")),
        ("events", _pivot(frame, "actor", "events")),
    ], counts={2})
