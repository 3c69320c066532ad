"""The monthly timeline: how many images the current filters match, month by month.

A small bar chart painted with QPainter. Long spans (the SPOT archive goes back to 1986)
are shown by year, so that every bar stays wide enough to see and click; clicking a bar
emits `period_clicked(start, end)` (dates), which the dock turns into a narrower date
filter. A note given with the counts says where they come from when it is not the server's
aggregation (a fallback route counts differently and the user should know).
"""
import calendar
from datetime import date
from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtCore import QLocale, QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPalette, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core.i18n import tr

MAX_MONTH_BARS = 96  # beyond eight years of months, bars are years
AXIS_HEIGHT = 16
NOTE_HEIGHT = 14


class TimelineWidget(QWidget):
    period_clicked = pyqtSignal(object, object)  # datetime.date start, end (inclusive)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMouseTracking(True)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bars: List[Tuple[date, date, int, str]] = []  # start, end, count, label
        self._by_year = False
        self._note = ""
        self._message = tr("The timeline appears after a search.")
        self._hover: Optional[int] = None

    def sizeHint(self):  # noqa: N802 - Qt's name
        return QSize(300, 96)

    # --- data -----------------------------------------------------------------------
    def set_counts(self, counts: Optional[Dict[str, int]], note: str = "",
                   period: Tuple[Optional[date], Optional[date]] = (None, None)) -> None:
        """{"YYYY-MM": n}; None or empty shows a message instead of bars. `period` (the
        search's dates, either may be open) widens the axis to the months searched."""
        self._note = note
        self._hover = None
        months = sorted(k for k in (counts or {}) if _month(k))
        if months:
            counts = dict(counts)
            for bound in period:
                if bound is not None:
                    counts.setdefault(f"{bound.year:04d}-{bound.month:02d}", 0)
            months = sorted(k for k in counts if _month(k))
        if not months:
            self._bars = []
            self._message = tr("No image matches these filters.") if counts is not None \
                else tr("The timeline is not available for this catalogue.")
            self.update()
            return
        first, last = _month(months[0]), _month(months[-1])
        span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
        self._by_year = span > MAX_MONTH_BARS
        bars = []
        if self._by_year:
            totals: Dict[int, int] = {}
            for key in months:
                totals[_month(key)[0]] = totals.get(_month(key)[0], 0) + int(counts[key])
            for year in range(first[0], last[0] + 1):
                bars.append((date(year, 1, 1), date(year, 12, 31), totals.get(year, 0),
                             str(year)))
        else:
            year, month = first
            for _ in range(span):
                key = f"{year:04d}-{month:02d}"
                end = date(year, month, calendar.monthrange(year, month)[1])
                bars.append((date(year, month, 1), end, int(counts.get(key, 0)),
                             QLocale().toString(date(year, month, 1), "MMMM yyyy")))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        self._bars = bars
        self.update()

    def set_message(self, message: str) -> None:
        self._bars, self._message, self._note = [], message, ""
        self.update()

    def bars(self):
        """(start, end, count, label) per bar, for tests and the accessibility text."""
        return list(self._bars)

    # --- geometry -------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        bottom = AXIS_HEIGHT + (NOTE_HEIGHT if self._note else 0)
        top = self.fontMetrics().height()  # room for the "max" label above the bars
        return QRectF(4, top, max(1, self.width() - 8), max(1, self.height() - top - bottom))

    def _bar_at(self, x: float) -> Optional[int]:
        if not self._bars:
            return None
        plot = self._plot_rect()
        if not plot.left() <= x <= plot.right():
            return None
        index = int((x - plot.left()) / plot.width() * len(self._bars))
        return min(index, len(self._bars) - 1)

    def bar_center(self, index: int) -> QPointF:
        plot = self._plot_rect()
        width = plot.width() / len(self._bars)
        return QPointF(plot.left() + (index + 0.5) * width, plot.bottom() - 2)

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, _event):  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text_color = palette.color(QPalette.ColorRole.Text)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText)
                           if hasattr(QPalette.ColorRole, "PlaceholderText") else text_color)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter
                                              | Qt.TextFlag.TextWordWrap), self._message)
            return
        plot = self._plot_rect()
        peak = max(count for _s, _e, count, _l in self._bars) or 1
        width = plot.width() / len(self._bars)
        gap = 1.0 if width > 3 else 0.0
        bar_color = QColor(31, 102, 163)
        hover_color = QColor(214, 96, 25)
        for i, (_start, _end, count, _label) in enumerate(self._bars):
            if not count:
                continue
            height = max(1.0, plot.height() * count / peak)
            rect = QRectF(plot.left() + i * width, plot.bottom() - height,
                          max(1.0, width - gap), height)
            painter.fillRect(rect, hover_color if i == self._hover else bar_color)
        painter.setPen(QPen(text_color.lighter(160) if text_color.lightness() < 128
                            else text_color.darker(160)))
        painter.drawLine(QPointF(plot.left(), plot.bottom()),
                         QPointF(plot.right(), plot.bottom()))
        painter.setPen(text_color)
        self._paint_axis(painter, plot, width)
        peak_text = tr("max {count}").format(count=QLocale().toString(peak))
        box = QRectF(plot.left(), 0, painter.fontMetrics().horizontalAdvance(peak_text) + 6,
                     plot.top())
        painter.fillRect(box, palette.color(QPalette.ColorRole.Base))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         peak_text)
        if self._note:
            painter.setPen(palette.color(QPalette.ColorRole.Mid).darker(150))
            painter.drawText(QRectF(0, self.height() - NOTE_HEIGHT, self.width(), NOTE_HEIGHT),
                             int(Qt.AlignmentFlag.AlignCenter), self._note)

    def _paint_axis(self, painter, plot, width) -> None:
        """Labels under the bars, as many as fit without overlapping: years, or month
        names when a few months are shown."""
        metrics = painter.fontMetrics()
        short_span = not self._by_year and len(self._bars) <= 24
        labels = []
        for i, (start, _end, _count, _label) in enumerate(self._bars):
            if short_span:
                text = QLocale().monthName(start.month, QLocale.FormatType.ShortFormat)
                if start.month == 1 or i == 0:
                    text = f"{text} {start.year}"
                labels.append((i, text))
            elif self._by_year or start.month == 1 or i == 0:
                labels.append((i, str(start.year)))
        last_right = -1e9
        for i, text in labels:
            x = plot.left() + i * width
            if x < last_right:
                continue
            text_width = metrics.horizontalAdvance(text) + 6
            painter.drawText(QRectF(x, plot.bottom() + 1, text_width, AXIS_HEIGHT - 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
            last_right = x + text_width

    # --- interaction ----------------------------------------------------------------
    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        index = self._bar_at(event.pos().x())
        if index != self._hover:
            self._hover = index
            self.update()
        if index is not None:
            _start, _end, count, label = self._bars[index]
            QToolTip.showText(event.globalPos(), tr("{period}: {count} images — click to "
                                                    "search only then").format(
                period=label, count=QLocale().toString(count)), self)

    def leaveEvent(self, _event):  # noqa: N802 - Qt's name
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self._bar_at(event.pos().x())
        if index is not None and self._bars[index][2]:
            start, end, _count, _label = self._bars[index]
            self.period_clicked.emit(start, end)


def _month(key: str):
    try:
        year, month = int(key[:4]), int(key[5:7])
    except (TypeError, ValueError):
        return None
    return (year, month) if 1 <= month <= 12 and len(key) >= 7 else None
