"""Many tables of mixed kinds generated inside PostgreSQL, for the 10,000-table benchmark.

Table ``number`` is of kind ``KIND_CYCLE[number % 10]`` and is called
``{kind}_{number:05d}``; half the tables hold personal data (customers,
staff, access logs) and half do not:

- ``customers`` (3 in 10) — Thai national ID with a valid check digit, Thai
  given name and surname, e-mail, mobile, birth date, plus a timestamp, an
  amount and a status (``make_tables.customer_table``'s shape);
- ``staff`` — employee number, full Thai name, work e-mail, dashed mobile,
  department, job title, hire date, salary, active flag;
- ``orders`` (2 in 10) — order number, SKU, quantity, prices, currency,
  status, time, warehouse;
- ``access_logs`` — time, client IP address, method, path, status code,
  bytes, latency, user agent;
- ``inventory``, ``metrics``, ``codes`` — purely operational.

Every table has ten columns (an integer ``id`` primary key and nine more).
Rows are made by one ``INSERT … SELECT`` over ``generate_series`` per table,
built from SQLAlchemy constructs: each value is a function of the row
number and the table's seed (``hashint8extended``), so the data are
deterministic, differ between tables, and no row crosses the network. Name,
e-mail handle, province and word lists are bound array parameters (Thai
names from Faker's ``th_TH`` provider). :data:`RECIPE` is a digest of the
generator version and those lists, so a database built by another recipe is
told apart (``scale_10k.py`` keeps it in a marker table).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from faker.providers.person.en_US import Provider as EnglishNames
from faker.providers.person.th_TH import Provider as ThaiNames
from make_tables import STATUSES, customer_table
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    DateTime,
    Float,
    Insert,
    Integer,
    MetaData,
    Numeric,
    Select,
    String,
    Table,
    Text,
    bindparam,
    cast,
    func,
    literal,
    select,
    text,
    true,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Engine
from sqlalchemy.sql.type_api import to_instance

from scanners.validators.th_national_id import PROVINCE_CODES

#: Bump when the generated data change; part of :data:`RECIPE`.
GENERATOR_VERSION = 1
#: Independent random draws per row (``h0`` … ``h15``).
DRAWS = 16

AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/123.0 Mobile Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.31.0",
]
#: The lists values are picked from: bound array parameters, never spliced into SQL.
ARRAYS: dict[str, list[Any]] = {
    "given": [*ThaiNames.first_names_male, *ThaiNames.first_names_female],
    "family": list(ThaiNames.last_names),
    "handles": sorted({name.lower() for name in EnglishNames.first_names if name.isascii()}),
    "provinces": sorted(int(code) for code in PROVINCE_CODES),
    "mobile_prefixes": "06 08 09".split(),
    "domains": "gmail.com hotmail.com yahoo.co.th outlook.co.th example.co.th".split(),
    "departments": "Finance Sales IT HR Logistics Marketing Legal Support".split(),
    "titles": ["Officer", "Senior Officer", "Manager", "Analyst", "Engineer", "Director"],
    "customer_statuses": list(STATUSES),
    "order_statuses": "new paid packed shipped delivered cancelled returned".split(),
    "warehouses": "BKK1 BKK2 CNX1 HKT1 KKC1 SGZ1".split(),
    "aisles": "A B C D E F".split(),
    "methods": "GET GET GET POST PUT DELETE".split(),
    "paths": "/api/v1/orders /api/v1/items /login /static/app.js /health /search".split(),
    "http_codes": [200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 500],
    "agents": AGENTS,
    "metrics": "cpu_user cpu_system mem_used disk_io net_rx net_tx queue_depth".split(),
    "units": "percent bytes ops/s ms count".split(),
    "categories": "เครื่องดื่ม อาหารแห้ง เครื่องเขียน อะไหล่ บรรจุภัณฑ์ ของใช้ในบ้าน".split(),
    "words": "carton pallet bottle sachet drum crate roll sheet bundle".split(),
}
_RECIPE_TEXT = repr((GENERATOR_VERSION, sorted(ARRAYS.items())))
RECIPE = hashlib.sha256(_RECIPE_TEXT.encode("utf-8")).hexdigest()[:16]


class Lookup(Protocol):
    """Columns by name: a subquery's ``.c`` or a plain mapping."""

    def __getitem__(self, name: str, /) -> ColumnElement[Any]: ...


class Draws:
    """Expressions over one row's independent pseudo-random draws ``h0`` … ``h15``."""

    def __init__(self, columns: Lookup, lists: Lookup, row: ColumnElement[Any]) -> None:
        self.columns, self.lists, self.row = columns, lists, row

    def number(self, draw: int, modulus: int) -> ColumnElement[int]:
        """A whole number in ``[0, modulus)`` from draw ``draw`` (``integer`` below 2³¹)."""
        number = type_coerce(func.abs(self.columns[f"h{draw}"] % modulus), BigInteger)
        return cast(number, Integer) if modulus <= 2**31 else number

    def pick(self, draw: int, array: str) -> ColumnElement[Any]:
        """An element of the bound array ``array``."""
        return self.lists[array][self.number(draw, len(ARRAYS[array])) + 1]

    def digits(self, draw: int, width: int) -> ColumnElement[str]:
        """``width`` decimal digits (leading zeros kept)."""
        return func.lpad(cast(self.number(draw, 10**width), Text), width, "0")

    def day(self, draw: int, start: date, span_days: int) -> ColumnElement[date]:
        """A date in ``[start, start + span_days)``."""
        return type_coerce(literal(start) + self.number(draw, span_days), Date)

    def moment(self, draw: int, start: datetime, span_minutes: int) -> ColumnElement[datetime]:
        """A timestamp (to the minute) in ``[start, start + span_minutes)``."""
        shift = func.make_interval(0, 0, 0, 0, 0, self.number(draw, span_minutes))
        return type_coerce(literal(start) + shift, DateTime)

    def money(self, draw: int, most: int) -> ColumnElement[Any]:
        """An amount with two decimals in ``[0, most)``."""
        return cast(self.number(draw, most * 100), Numeric(12, 2)) / 100

    def real(self, draw: int, most: int) -> ColumnElement[Any]:
        """A double with two decimals in ``[0, most)``."""
        return cast(self.number(draw, most * 100), Float) / 100

    def text(self, *parts: ColumnElement[Any] | str) -> ColumnElement[str]:
        """The parts as text, concatenated."""
        return func.concat(*parts)

    def thai_id(self, first: int, province: int, rest: int) -> ColumnElement[str]:
        """A 13-digit Thai national ID with a valid check digit (DOMAIN §1.1)."""
        lead = self.number(first, 8) + 1
        code = self.pick(province, "provinces")
        tail = self.number(rest, 10**9)
        weighted = lead * 13 + (code // 10) * 12 + (code % 10) * 11
        for place in range(9):
            weighted = weighted + ((tail // 10 ** (8 - place)) % 10) * (10 - place)
        check = (11 - weighted % 11) % 10
        return func.concat(lead, code, func.lpad(cast(tail, Text), 9, "0"), check)


#: Column name → (type, value), in table order.
Spec = dict[str, tuple[Any, ColumnElement[Any]]]
Shape = Callable[[MetaData, str, str | None], Table]


@dataclass(frozen=True)
class Kind:
    """One kind of table: nine columns after ``id`` with their values; the personal ones."""

    name: str
    columns: Callable[[Draws], Spec]
    personal: frozenset[str]
    shape: Shape | None = None  # a shared table definition whose columns match ``columns``

    def table(self, metadata: MetaData, name: str, schema: str | None = None) -> Table:
        """The table ``name`` of this kind: ``shape``, else ``id`` + the spec's columns."""
        if self.shape is not None:
            return self.shape(metadata, name, schema)
        key = Column("id", Integer, primary_key=True, autoincrement=True)
        columns = [Column(column, type_) for column, type_ in _column_types(self)]
        return Table(name, metadata, key, *columns, schema=schema)


def _customers(d: Draws) -> Spec:
    return {
        "citizen_id": (String(13), d.thai_id(0, 1, 2)),
        "first_name": (String(50), d.pick(3, "given")),
        "last_name": (String(50), d.pick(4, "family")),
        "email": (
            String(100),
            d.text(d.pick(5, "handles"), ".", d.number(6, 10_000), "@", d.pick(7, "domains")),
        ),
        "mobile": (String(20), d.text(d.pick(8, "mobile_prefixes"), d.digits(9, 8))),
        "birth_date": (Date, d.day(10, date(1950, 1, 1), 20_000)),
        "created_at": (DateTime, d.moment(11, datetime(2019, 1, 1), 3_000_000)),
        "amount": (Numeric(12, 2), d.money(12, 100_000)),
        "status": (String(10), d.pick(13, "customer_statuses")),
    }


def _staff(d: Draws) -> Spec:
    return {
        "employee_no": (String(12), d.text("E", d.digits(0, 6))),
        "full_name": (String(120), d.text(d.pick(1, "given"), " ", d.pick(2, "family"))),
        "work_email": (
            String(100),
            d.text(d.pick(3, "handles"), d.number(4, 1000), "@corp.example.co.th"),
        ),
        "phone": (
            String(20),
            d.text("08", d.digits(5, 1), "-", d.digits(6, 3), "-", d.digits(7, 4)),
        ),
        "department": (String(30), d.pick(8, "departments")),
        "job_title": (String(30), d.pick(9, "titles")),
        "hire_date": (Date, d.day(10, date(2000, 1, 1), 9_000)),
        "salary": (Numeric(12, 2), d.money(11, 250_000)),
        "active": (Boolean, d.number(12, 10) > 0),
    }


def _orders(d: Draws) -> Spec:
    quantity = d.number(2, 50) + 1
    return {
        "order_no": (String(20), d.text("SO", d.digits(0, 8))),
        "sku": (String(20), d.text("SKU-", d.digits(1, 6))),
        "quantity": (Integer, quantity),
        "unit_price": (Numeric(12, 2), d.money(3, 5_000)),
        "total": (Numeric(14, 2), d.money(3, 5_000) * quantity),
        "currency": (String(3), literal("THB")),
        "status": (String(12), d.pick(4, "order_statuses")),
        "ordered_at": (DateTime, d.moment(5, datetime(2022, 1, 1), 1_500_000)),
        "warehouse": (String(8), d.pick(6, "warehouses")),
    }


def _access_logs(d: Draws) -> Spec:
    octets = [d.number(1, 223) + 1, d.number(2, 256), d.number(3, 256), d.number(4, 254) + 1]
    return {
        "logged_at": (DateTime, d.moment(0, datetime(2024, 1, 1), 500_000)),
        "client_ip": (String(15), d.text(*[part for o in octets for part in (".", o)][1:])),
        "method": (String(8), d.pick(5, "methods")),
        "path": (String(60), d.pick(6, "paths")),
        "status_code": (Integer, d.pick(7, "http_codes")),
        "bytes_sent": (BigInteger, d.number(8, 2_000_000)),
        "latency_ms": (Float, d.real(9, 5_000)),
        "user_agent": (String(200), d.pick(10, "agents")),
        "trace_id": (String(32), func.md5(d.text(d.columns["h11"]))),
    }


def _inventory(d: Draws) -> Spec:
    return {
        "sku": (String(20), d.text("SKU-", d.digits(0, 6))),
        "warehouse": (String(8), d.pick(1, "warehouses")),
        "bin_code": (
            String(12),
            d.text(d.pick(2, "aisles"), "-", d.digits(3, 2), "-", d.digits(4, 2)),
        ),
        "on_hand": (Integer, d.number(5, 5_000)),
        "reorder_level": (Integer, d.number(6, 200)),
        "unit_cost": (Numeric(12, 2), d.money(7, 2_000)),
        "lot_no": (String(16), d.text("L", d.digits(8, 4), "/", d.digits(9, 3))),
        "expires_on": (Date, d.day(10, date(2025, 1, 1), 1_500)),
        "updated_at": (DateTime, d.moment(11, datetime(2024, 1, 1), 800_000)),
    }


def _metrics(d: Draws) -> Spec:
    return {
        "host": (String(20), d.text(d.pick(0, "words"), "-", d.digits(1, 2))),
        "metric": (String(20), d.pick(2, "metrics")),
        "value": (Float, d.real(3, 10_000)),
        "unit": (String(10), d.pick(4, "units")),
        "recorded_at": (DateTime, d.moment(5, datetime(2024, 6, 1), 200_000)),
        "window_s": (Integer, d.pick(6, "http_codes") // 10),
        "minimum": (Float, d.real(7, 1_000)),
        "maximum": (Float, d.real(8, 1_000) + 1000),
        "samples": (Integer, d.number(9, 600) + 1),
    }


def _codes(d: Draws) -> Spec:
    return {
        "code": (String(12), d.text("C", d.digits(0, 5))),
        "label_en": (String(40), d.text(d.pick(1, "words"), " ", d.number(2, 100))),
        "label_th": (String(60), d.text(d.pick(3, "categories"), " ", d.number(4, 100))),
        "category": (String(30), d.pick(5, "categories")),
        "sort_order": (Integer, d.row),
        "valid_from": (Date, d.day(6, date(2015, 1, 1), 2_000)),
        "valid_to": (Date, d.day(7, date(2022, 1, 1), 2_000)),
        "is_active": (Boolean, d.number(8, 4) > 0),
        "note": (String(40), d.text("rev ", d.number(9, 20))),
    }


_CUSTOMER_PII = frozenset(
    {"citizen_id", "first_name", "last_name", "email", "mobile", "birth_date"}
)
CUSTOMERS = Kind("customers", _customers, _CUSTOMER_PII, customer_table)
STAFF = Kind("staff", _staff, frozenset({"full_name", "work_email", "phone"}))
ORDERS = Kind("orders", _orders, frozenset())
LOGS = Kind("access_logs", _access_logs, frozenset({"client_ip"}))
INVENTORY = Kind("inventory", _inventory, frozenset())
METRICS = Kind("metrics", _metrics, frozenset())
CODES = Kind("codes", _codes, frozenset())

#: Table ``number`` is of kind ``KIND_CYCLE[number % 10]``.
KIND_CYCLE = (
    CUSTOMERS,
    ORDERS,
    INVENTORY,
    CUSTOMERS,
    LOGS,
    METRICS,
    CUSTOMERS,
    STAFF,
    ORDERS,
    CODES,
)


def kind_of(number: int) -> Kind:
    """The kind of table ``number``."""
    return KIND_CYCLE[number % len(KIND_CYCLE)]


def table_name(number: int) -> str:
    """``{kind}_{number:05d}``."""
    return f"{kind_of(number).name}_{number:05d}"


def table_of(metadata: MetaData, number: int, schema: str | None = None) -> Table:
    """Table ``number``'s definition: ``id`` primary key and its kind's nine columns."""
    return kind_of(number).table(metadata, table_name(number), schema)


def _array(name: str) -> ColumnElement[Any]:
    """The bound parameter carrying list ``name`` (an integer or a text array)."""
    element = Integer if isinstance(ARRAYS[name][0], int) else Text
    return bindparam(name, type_=ARRAY(element))


class _UsedLists(dict[str, ColumnElement[Any]]):
    """Lists' bound parameters, noting which names were asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def __missing__(self, name: str) -> ColumnElement[Any]:
        self.names.add(name)
        return _array(name)


@functools.cache
def _source(kind: Kind) -> tuple[tuple[str, ...], Select[Any]]:
    """A kind's data column names and the ``SELECT`` making ``:rows`` rows from ``:seed``.

    Built once per kind (building the expressions costs more than compiling them).
    """
    series = func.generate_series(1, bindparam("rows", type_=Integer))
    rows = series.table_valued("n").render_derived()
    row = cast(rows.c.n, BigInteger)
    seed = bindparam("seed", type_=BigInteger)
    raw = [
        func.hashint8extended(row, seed * DRAWS + draw).label(f"h{draw}") for draw in range(DRAWS)
    ]
    # OFFSET 0 keeps the draws in a subquery of their own, so each is computed once per row.
    drawn = select(row.label("n"), *raw).select_from(rows).offset(0).subquery("drawn")
    # Each list the kind uses is bound once, as a column of a one-row subquery
    # (``lists.given[i]``): a first pass finds which lists those are.
    names = _lists_of(kind)
    lists = select(*(_array(name).label(name) for name in names)).subquery("lists")
    spec = kind.columns(Draws(drawn.c, lists.c, drawn.c.n))
    table = kind.table(MetaData(), kind.name)
    shape = [(column.name, type(column.type)) for column in table.columns if column.name != "id"]
    if shape != [(name, type(to_instance(type_))) for name, (type_, _) in spec.items()]:
        raise ValueError(f"kind {kind.name}: its table's columns differ from its values'")
    source = select(*(value for _, value in spec.values())).select_from(drawn.join(lists, true()))
    return tuple(spec), source


def fill_statement(table: Table, kind: Kind) -> Insert:
    """``INSERT INTO table SELECT …`` of ``:rows`` rows for seed ``:seed`` (bind both)."""
    names, source = _source(kind)
    return table.insert().from_select(list(names), source)


def fill_parameters(number: int, rows: int) -> dict[str, Any]:
    """The bound parameters of table ``number``'s fill statement (only the lists it uses)."""
    lists = {name: ARRAYS[name] for name in _lists_of(kind_of(number))}
    return {"rows": rows, "seed": number + 1, **lists}


def _dry_draws(lists: Lookup | None = None) -> Draws:
    """Draws over constants, to learn a kind's columns and lists without a query."""
    zero = literal(0)
    found = _UsedLists() if lists is None else lists
    return Draws({f"h{draw}": zero for draw in range(DRAWS)}, found, zero)


@functools.cache
def _column_types(kind: Kind) -> tuple[tuple[str, Any], ...]:
    """A kind's data columns and their types, in order."""
    return tuple((name, type_) for name, (type_, _) in kind.columns(_dry_draws()).items())


@functools.cache
def _lists_of(kind: Kind) -> tuple[str, ...]:
    """The names of the lists a kind's values use."""
    used = _UsedLists()
    kind.columns(_dry_draws(used))
    return tuple(sorted(used.names))


def personal_columns(numbers: Sequence[int]) -> int:
    """How many columns of tables ``numbers`` hold personal data by construction."""
    return sum(len(kind_of(number).personal) for number in numbers)


def build_tables(engine: Engine, numbers: range, rows: int, batch: int = 100) -> None:
    """Create and fill tables ``numbers`` (``rows`` rows each), one transaction per ``batch``.

    Batches keep a transaction's locks (a table, its index and TOAST table
    each) within the server's lock table.
    """
    for start in range(0, len(numbers), batch):
        with engine.begin() as conn:
            for number in numbers[start : start + batch]:
                table = table_of(MetaData(), number)
                table.create(conn, checkfirst=False)
                conn.execute(fill_statement(table, kind_of(number)), fill_parameters(number, rows))


def analyze_database(engine: Engine) -> None:
    """``ANALYZE`` every table of the database (autovacuum may be off)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
