"""The first screen's settings that are made without the ``Qt`` namespace (see ui.profile_picker)."""

from PySide6.QtCore import Qt

from ui.profile_picker import ProfilePickerView


def test_the_picker_title_is_centred(qtbot):
    picker = ProfilePickerView()
    qtbot.addWidget(picker)
    assert picker.title.alignment() == Qt.AlignmentFlag.AlignCenter
