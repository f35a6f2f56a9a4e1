from django.contrib import admin

from tiepdan.org.models import Agency, Domain, Position, Staff, Unit, UnitChange
from tiepdan.org.services import path_for


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "place_name")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "is_advisory", "valid_from", "valid_to", "successor")
    list_filter = ("kind", "is_advisory")
    search_fields = ("name", "code")
    readonly_fields = ("valid_to", "successor")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        path = path_for(obj)
        if obj.path != path:
            obj.path = path
            obj.save(update_fields=["path"])

    def has_delete_permission(self, request, obj=None):
        return False  # units end through a dated change, never by deletion


@admin.register(UnitChange)
class UnitChangeAdmin(admin.ModelAdmin):
    list_display = ("unit", "kind", "effective_on", "successor", "legal_basis", "open_items_moved")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("name", "is_head", "reception_rule")


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ("full_name", "unit", "position", "user")
    list_filter = ("unit",)
    search_fields = ("full_name", "user__username")


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_sensitive", "active")
