"""Administration of the reference data (plans, periods and their rules, the legal library)."""

from django.contrib import admin

from tiepdan.coordination.models import (
    EventPeriod,
    LegalText,
    PeriodMilestone,
    PeriodRule,
    Plan,
    PlanAssignee,
    PlanTask,
)


class PlanAssigneeInline(admin.TabularInline):
    model = PlanAssignee
    extra = 0
    filter_horizontal = ("lead_units",)


class PlanTaskInline(admin.StackedInline):
    model = PlanTask
    extra = 0
    filter_horizontal = ("coordinating_units",)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "date_label", "title")
    inlines = [PlanAssigneeInline, PlanTaskInline]


class PeriodRuleInline(admin.TabularInline):
    model = PeriodRule
    extra = 0


class PeriodMilestoneInline(admin.TabularInline):
    model = PeriodMilestone
    extra = 0


@admin.register(EventPeriod)
class EventPeriodAdmin(admin.ModelAdmin):
    list_display = ("short_name", "starts_on", "ends_on", "before_days", "after_days", "active")
    inlines = [PeriodRuleInline, PeriodMilestoneInline]


@admin.register(LegalText)
class LegalTextAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "title", "issuer", "status", "in_plan")
    list_filter = ("status", "kind", "in_plan")
    search_fields = ("number", "title")
