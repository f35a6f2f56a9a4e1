from django.contrib import admin

from tiepdan.documents.models import DocumentCounter, IssuedDocument


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    """Read-only: an issued document is a record; a correction is a new document."""

    list_display = ("number_text", "title", "issued_on", "unit", "created_by", "created_at")
    list_filter = ("kind_code", "unit")
    search_fields = ("code", "number_text", "title")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DocumentCounter)
class DocumentCounterAdmin(admin.ModelAdmin):
    """Administrators may correct a register (e.g. numbers taken by hand before go-live)."""

    list_display = ("agency", "kind_code", "year", "last_number")
    list_filter = ("year", "kind_code")

    def has_delete_permission(self, request, obj=None):
        return False
