"""Configuration models (SPEC §4), validated strictly with pydantic.

Every model forbids unknown keys and describes every field, so a typo in a
config file is an error with a line number, never a silently ignored key.
Secrets are not stored here: ``password_env`` names the environment variable
that holds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from agent.inputs.schedule_spec import parse_schedule
from scanners.checks.severity import DEFAULT_DUE_DAYS, SEVERITY_ORDER

MIB = 1024 * 1024

if TYPE_CHECKING:
    from reports.due_dates import DuePolicy
    from reports.options import ReportOptions

REPORT_FORMATS = ("json", "html", "csv", "xlsx")
SOURCE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"


class StrictModel(BaseModel):
    """A model that rejects unknown keys and is immutable once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AgentSettings(StrictModel):
    state: str = Field(
        "sqlite:///pdpa-agent-state.db", description="SQLAlchemy URL of the agent's own store"
    )
    schedule: str = Field("every day at 02:00", description="When `pdpa-agent run` scans")
    executor: Literal["local", "celery"] = Field("local", description="Where datasets are scanned")
    workers: int = Field(2, ge=1, le=256, description="Parallel scan processes")
    inline_below: int = Field(
        50,
        ge=0,
        le=1_000_000,
        description="Fewer datasets to read than this: scan them in this process, no pool",
    )
    broker: str | None = Field(
        None,
        pattern=r"^(redis|rediss|amqp|amqps)://",
        description="Celery broker URL (executor = celery)",
    )
    result_backend: str | None = Field(
        None,
        pattern=r"^(redis|rediss|rpc)://",
        description="Celery result backend; default: the broker when Redis, else rpc://",
    )
    task_visibility_timeout_s: float = Field(
        900,
        ge=5,
        le=86_400,
        description="Redis broker: a task not acknowledged this long (its worker died) is redone",
    )
    task_timeout_s: float = Field(
        3600, ge=5, le=604_800, description="Give up on a Celery task not finished this long"
    )

    @field_validator("schedule")
    @classmethod
    def _schedule_parses(cls, value: str) -> str:
        parse_schedule(value)
        return value

    @model_validator(mode="after")
    def _celery_needs_a_broker(self) -> AgentSettings:
        if self.executor == "celery" and self.broker is None:
            raise ValueError('executor = "celery" needs broker = "redis://…" or "amqp://…"')
        return self


class DetectionSettings(StrictModel):
    sample_rows: int = Field(1000, ge=1, le=1_000_000, description="Rows sampled per dataset")
    min_match_ratio: float = Field(
        0.2, gt=0.0, le=1.0, description="Share of non-empty sampled values that must match"
    )
    languages: list[Literal["th", "en"]] = Field(
        default_factory=lambda: ["th", "en"], min_length=1, description="Detection languages"
    )
    adaptive_sampling: bool = Field(
        True, description="Stop classifying a column once its sampled values are conclusive"
    )
    incremental: bool = Field(
        True, description="Reuse the classification of a table whose change counters stood still"
    )
    full_rescan_days: int = Field(
        7, ge=0, le=3650, description="Read an unchanged table in full again after this many days"
    )


class SourceBase(StrictModel):
    name: str = Field(pattern=SOURCE_NAME_PATTERN, description="Unique source name")
    include: list[str] = Field(default_factory=list, description="Globs on dataset names")
    exclude: list[str] = Field(default_factory=list, description="Globs on dataset names")
    zone: str | None = Field(
        None, pattern=SOURCE_NAME_PATTERN, description="Which Celery workers may scan this source"
    )
    max_concurrency: int = Field(
        2,
        ge=1,
        le=64,
        description="Datasets of this source read at once (each runs one query at a time)",
    )
    password_env: str | None = Field(
        None, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", description="Env var holding the password"
    )


class DatabaseSource(SourceBase):
    kind: Literal["database"]
    url: str = Field(min_length=1, description="SQLAlchemy URL, without the password")
    statement_timeout_s: float = Field(
        60.0, gt=0, le=86_400, description="Per-statement timeout on the scanned database"
    )


class FilesSource(SourceBase):
    kind: Literal["files"]
    path: str = Field(min_length=1, description="Local or mounted folder, or smb://host/share")
    include: list[str] = Field(default_factory=lambda: ["**/*"], description="Globs on paths")
    max_read_bytes: int = Field(
        16 * MIB, ge=64 * 1024, le=4 * 1024 * MIB, description="Bytes read from one file"
    )
    max_stream_bytes: int = Field(
        256 * MIB,
        ge=64 * 1024,
        le=64 * 1024 * MIB,
        description="XLSX files above max_read_bytes and up to this size are read streaming",
    )
    ocr: bool = Field(True, description="Read images and scanned PDF pages with Tesseract OCR")
    ocr_languages: str = Field(
        "tha+eng", pattern=r"^[a-z_]+(\+[a-z_]+)*$", description="Tesseract language models"
    )
    ocr_max_pages_per_file: int = Field(20, ge=1, le=10_000, description="OCR pages per file")
    ocr_max_pages_per_scan: int = Field(
        2_000, ge=0, le=10_000_000, description="OCR pages per source per scan"
    )
    ocr_max_pixels: int = Field(
        40_000_000, ge=100_000, le=1_000_000_000, description="Pixels of a page before scaling"
    )
    public_groups: list[str] = Field(
        default_factory=list,
        description="Groups (names or SIDs) that count as everyone: ACCESS_PUBLIC",
    )


Source = Annotated[DatabaseSource | FilesSource, Field(discriminator="kind")]


class PathSettings(StrictModel):
    path: str = Field(min_length=1, description="File path, relative to the config file")


class ErasureSettings(PathSettings):
    grace_days: int = Field(30, ge=0, le=3650, description="Days allowed to honour a request")


class ClassificationSettings(StrictModel):
    overrides: str | None = Field(
        None,
        min_length=1,
        description="Classification overrides file (.toml, .csv or .xlsx), relative to the "
        "config file (SPEC §9)",
    )


class DisclosureSettings(StrictModel):
    key_env: str = Field(
        "PDPA_PSEUDONYM_KEY",
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="Env var holding the pseudonym key (SPEC §10); never a file in the repository",
    )
    controller: str = Field(
        "", max_length=300, description="The organisation disclosing, named in recipient notices"
    )


class BreachSettings(StrictModel):
    dpo_email: str | None = Field(
        None,
        pattern=r"^[^@\s]+@[^@\s]+$",
        description="Who is reminded of the 72-hour deadline (SPEC §11); needs [reports.email]",
    )


class ConsoleSettings(StrictModel):
    trusted_header: str = Field(
        "",
        pattern=r"^([A-Za-z0-9-]+)?$",
        description="Header a single sign-on proxy sets to the user's name (SPEC §12); "
        "'' = password login",
    )
    idle_minutes: int = Field(30, ge=1, le=1440, description="A session ends after this idle")
    session_hours: int = Field(12, ge=1, le=168, description="…and at most this long")
    secure_cookies: bool = Field(False, description="Cookies only over HTTPS (behind TLS)")


class EmailSettings(StrictModel):
    smtp_url: str = Field(pattern=r"^smtps?://", description="smtp://host:port or smtps://…")
    sender: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="From address")
    password_env: str | None = Field(None, description="Env var holding the SMTP password")


_MAX_DUE_DAYS = 3650


class ReportSettings(StrictModel):
    out_dir: str = Field("reports", description="Where reports are written")
    formats: list[Literal["json", "html", "csv", "xlsx"]] = Field(
        default_factory=lambda: list(REPORT_FORMATS), min_length=1
    )
    language: Literal["th", "en"] = Field("th", description="Language of report text")
    thai_dates: Literal["be", "ce"] = Field(
        "be", description="Thai reports write years in the Buddhist era (be) or common era (ce)"
    )
    due_days: dict[str, int] = Field(
        default_factory=lambda: dict(DEFAULT_DUE_DAYS),
        description="Days from first seen until a finding is due, per severity (SPEC §8)",
    )
    due_days_by_type: dict[str, int] = Field(
        default_factory=dict,
        description="Days from first seen per finding type, overriding due_days "
        "(RETENTION_EXPIRED, ERASURE_PENDING, DISCLOSURE_FOLLOWUP_DUE: 0 and "
        "BREACH_NOTICE_DUE: 3 unless set here)",
    )
    email: EmailSettings | None = None

    @field_validator("due_days")
    @classmethod
    def _due_days_per_severity(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(SEVERITY_ORDER))
        if unknown:
            raise ValueError(
                f"unknown severity {', '.join(map(repr, unknown))} in due_days; "
                f"use {', '.join(SEVERITY_ORDER)}"
            )
        _check_days("due_days", value)
        return {**DEFAULT_DUE_DAYS, **value}

    @field_validator("due_days_by_type")
    @classmethod
    def _due_days_per_type(cls, value: dict[str, int]) -> dict[str, int]:
        from reports.due_dates import FINDING_TYPES

        unknown = sorted(set(value) - FINDING_TYPES)
        if unknown:
            raise ValueError(
                f"unknown finding type {', '.join(map(repr, unknown))} in due_days_by_type; "
                f"use one of {', '.join(sorted(FINDING_TYPES))}"
            )
        _check_days("due_days_by_type", value)
        return value

    def due_policy(self) -> DuePolicy:
        """The due-date rules these settings give (reports.due_dates)."""
        from reports.due_dates import DEFAULT_TYPE_DAYS, DuePolicy

        return DuePolicy(
            severity_days=dict(self.due_days),
            type_days={**DEFAULT_TYPE_DAYS, **self.due_days_by_type},
        )

    def report_options(self) -> ReportOptions:
        """How the reports present dates (reports.options)."""
        from reports.options import ReportOptions

        return ReportOptions(era=self.thai_dates)


def _check_days(key: str, value: dict[str, int]) -> None:
    bad = sorted(name for name, days in value.items() if not 0 <= days <= _MAX_DUE_DAYS)
    if bad:
        raise ValueError(
            f"{key}: {', '.join(f'{name} = {value[name]}' for name in bad)} is not a number "
            f"of days from 0 to {_MAX_DUE_DAYS}"
        )


class Config(StrictModel):
    agent: AgentSettings = Field(default_factory=AgentSettings)
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    sources: list[Source] = Field(default_factory=list)
    register_: PathSettings | None = Field(None, alias="register", description="Register file")
    access: PathSettings | None = None
    erasure: ErasureSettings | None = None
    classification: ClassificationSettings = Field(
        default_factory=ClassificationSettings, description="Decisions on columns (SPEC §9)"
    )
    disclosure: DisclosureSettings = Field(
        default_factory=DisclosureSettings, description="Disclosures to other parties (SPEC §10)"
    )
    breach: BreachSettings = Field(
        default_factory=BreachSettings, description="Breach response (SPEC §11)"
    )
    console: ConsoleSettings = Field(
        default_factory=ConsoleSettings, description="The web console (SPEC §12)"
    )
    reports: ReportSettings = Field(default_factory=ReportSettings)

    @property
    def register(self) -> PathSettings | None:
        """The ``[register]`` table (named with a trailing _ inside pydantic)."""
        return self.register_
