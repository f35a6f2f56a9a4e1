from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "tiepdan.coordination"
    label = "coordination"
    verbose_name = _("Điều phối")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tiepdan.coordination import models, signals

        # Every change is audited (who, when, old → new): the history the issue asks to be visible.
        for model in (
            models.Plan,
            models.PlanAssignee,
            models.PlanTask,
            models.PlanTaskReport,
            models.EventPeriod,
            models.PeriodRule,
            models.PeriodMilestone,
            models.DutyShift,
            models.SituationReport,
            models.Assignment,
            models.AssignmentEvent,
            models.Escalation,
            models.Direction,
            models.Task,
            models.ResponsePlan,
            models.LessonsReview,
            models.OverLevelEvent,
            models.MediationSession,
            models.LegalText,
            models.DisseminationSession,
        ):
            auditlog.register(model)
        auditlog.register(models.Assignment.coordinating_units.through)
        signals.connect()
