"""The incident register (issue 16): registering an incident in a minute, and the repeat
perpetrator seen by the coordinator, and by nobody else. Use `IncidentRegister`."""

from .context import InvalidDraft
from .model import (
                    CHANNELS,
                    FORMS,
                    REPORTED,
                    ROLES,
                    STATUSES,
                    Addition,
                    Change,
                    Figures,
                    IncidentDetail,
                    IncidentDraft,
                    IncidentSummary,
                    Note,
                    OwnIncident,
                    PatternSignal,
                    Perpetrator,
                    Problem,
                    Receipt,
)
from .service import IncidentRegister, RegisterUnavailable

__all__ = ["CHANNELS", "FORMS", "REPORTED", "ROLES", "STATUSES", "Addition", "Change",
           "Figures", "IncidentDetail", "IncidentDraft", "IncidentRegister", "IncidentSummary",
           "InvalidDraft", "Note", "OwnIncident", "PatternSignal", "Perpetrator", "Problem",
           "Receipt", "RegisterUnavailable"]
