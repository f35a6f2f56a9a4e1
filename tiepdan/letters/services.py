from tiepdan.letters.models import Letter, LetterStatus


def remap_unit(old_unit, new_unit) -> int:
    """Letters not yet disposed of move to the successor unit; disposed ones stay with their history."""
    return Letter.objects.filter(unit=old_unit).exclude(status=LetterStatus.DISPOSED).update(unit=new_unit)
