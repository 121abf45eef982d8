"""Column-name priors: what a column's name says it holds (Thai, English, romanised Thai).

A prior alone never reports a type; it lets values that merely have the
*shape* of a type count (a capitalised word in ``first_name``, a date in
``birth_date``). Names are split on case changes, underscores, spaces,
dashes and digits, then matched as whole tokens or as the compacted name, so
``BirthDate``, ``birth_date`` and ``DATE_OF_BIRTH`` all match, while
``invoice_date`` does not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from scanners.pii_types import PiiType

# Compacted names (lower case, separators removed) that name a type outright.
_EXACT: dict[str, PiiType] = {}
# Tokens that name a type wherever they stand in the name.
_TOKENS: dict[str, PiiType] = {}
# Thai phrases that name a type when they appear anywhere in the name.
_THAI: dict[str, PiiType] = {}


def register_words(table: dict[str, PiiType], pii_type: PiiType, words: str) -> None:
    """Add every whitespace-separated word of ``words`` to ``table`` as ``pii_type``."""
    for word in words.split():
        table[word] = pii_type


register_words(
    _EXACT,
    PiiType.TH_NATIONAL_ID,
    """cid citizenid citizenno citizennumber nationalid
    nationalidno idcard idcardno idcardnumber idno idnumber personalid personalidno peopleid
    identificationno identificationnumber thaiid thaiidno nid idcardnum""",
)
register_words(_TOKENS, PiiType.TH_NATIONAL_ID, "citizen")
register_words(
    _THAI,
    PiiType.TH_NATIONAL_ID,
    """เลขบัตรประชาชน เลขประจำตัวประชาชน บัตรประชาชน
    เลขที่บัตรประจำตัวประชาชน รหัสประจำตัวประชาชน เลขบัตรปชช""",
)

register_words(
    _EXACT,
    PiiType.PERSON,
    """fname lname mname firstname lastname middlename fullname
    givenname familyname surname nickname forename firstnameth lastnameth firstnameen lastnameen
    nameth nameen thainame englishname fullnameth fullnameen contactname customername
    employeename patientname membername personname ownername fathername mothername spousename
    marryname accountname informname""",
)
register_words(_TOKENS, PiiType.PERSON, "surname forename nickname fullname firstname lastname")
register_words(_THAI, PiiType.PERSON, "ชื่อ นามสกุล สกุล ชื่อเล่น")

register_words(
    _EXACT,
    PiiType.PHONE_NUMBER,
    """tel telno telephone phone phoneno phonenumber mobile
    mobileno mobilephone mobilephonenumber cellphone cell fax faxno hometel worktel telwork
    emtel telem contactphone informtel callphone msisdn""",
)
register_words(_TOKENS, PiiType.PHONE_NUMBER, "phone telephone mobile tel fax")
register_words(
    _EXACT,
    PiiType.PHONE_NUMBER,
    "mobno mobileno cellno telephoneno contactno contactnumber phonenum telnum mobnum",
)
register_words(_THAI, PiiType.PHONE_NUMBER, "เบอร์โทร โทรศัพท์ มือถือ โทรสาร เบอร์ติดต่อ")

register_words(_EXACT, PiiType.EMAIL_ADDRESS, "email emailaddress mail mailaddress")
register_words(_TOKENS, PiiType.EMAIL_ADDRESS, "email")
register_words(_THAI, PiiType.EMAIL_ADDRESS, "อีเมล อีเมล์")

register_words(
    _EXACT,
    PiiType.DATE_OF_BIRTH,
    """dob birth birthday birthdate bdate dateofbirth
    birthdt dbirthday birthdates""",
)
register_words(_TOKENS, PiiType.DATE_OF_BIRTH, "birth birthday birthdate dob")
register_words(_THAI, PiiType.DATE_OF_BIRTH, "วันเกิด วันเดือนปีเกิด วดปเกิด วันที่เกิด เกิดวันที่")

register_words(
    _EXACT,
    PiiType.ADDRESS,
    """address addr addrpart homeaddress streetaddress street
    road soi moo addresscurrent addressline addressline1 addressline2 billingaddress
    shippingaddress mailingaddress houseno addrhouseno informaddr""",
)
register_words(_TOKENS, PiiType.ADDRESS, "address addr street")
register_words(_THAI, PiiType.ADDRESS, "ที่อยู่ บ้านเลขที่")

register_words(_EXACT, PiiType.POSTAL_CODE, "zip zipcode postcode postalcode addrpostcode")
register_words(_TOKENS, PiiType.POSTAL_CODE, "zip zipcode postcode postal")
register_words(_THAI, PiiType.POSTAL_CODE, "รหัสไปรษณีย์ ไปรษณีย์")
register_words(_EXACT, PiiType.POSTAL_CODE, "postcd postalcd zipcd pcode")

register_words(_EXACT, PiiType.GENDER, "sex gender sgender")
register_words(_TOKENS, PiiType.GENDER, "gender")
register_words(_THAI, PiiType.GENDER, "เพศ")

register_words(_EXACT, PiiType.PASSPORT, "passport passportno passportnumber passportnum ppno")
register_words(_EXACT, PiiType.PASSPORT, "traveldoc traveldocno traveldocument traveldocumentno")
register_words(_TOKENS, PiiType.PASSPORT, "passport")
register_words(
    _TOKENS, PiiType.PASSPORT, "nangsuedoenthang nangsuedernthang nangsuedoentang phatsapot passpot"
)
register_words(_THAI, PiiType.PASSPORT, "หนังสือเดินทาง พาสปอร์ต")

register_words(
    _EXACT,
    PiiType.BANK_ACCOUNT,
    """bankaccount bankaccountno bankaccountnumber accountno
    accountnumber accno accnum acctno bankno banknumber bacnumber bankacc promptpay
    acctnumber acctnum accnumber accountnum bankacct bankacctno bankacctnbr acctnbr iban bban""",
)
register_words(_TOKENS, PiiType.BANK_ACCOUNT, "iban bban")
register_words(_THAI, PiiType.BANK_ACCOUNT, "เลขที่บัญชี เลขบัญชี บัญชีธนาคาร พร้อมเพย์")

register_words(
    _EXACT,
    PiiType.CREDIT_CARD,
    """creditcard creditcardno creditcardnumber cardno
    cardnumber ccnumber ccno pan debitcard""",
)
register_words(_THAI, PiiType.CREDIT_CARD, "บัตรเครดิต เลขบัตรเครดิต")

register_words(
    _EXACT,
    PiiType.IP_ADDRESS,
    """ip ipaddress ipaddr clientip remoteaddr remoteip
    sourceip srcip lastloginip loginip""",
)
register_words(_TOKENS, PiiType.IP_ADDRESS, "ip ipaddress")
register_words(_THAI, PiiType.IP_ADDRESS, "ไอพี")

register_words(
    _EXACT,
    PiiType.TH_LICENSE_PLATE,
    """licenseplate licenceplate plate plateno carplate
    carno vehicleplate vehicleno licenseplateno""",
)
register_words(_TOKENS, PiiType.TH_LICENSE_PLATE, "plate")
register_words(_THAI, PiiType.TH_LICENSE_PLATE, "ทะเบียนรถ ป้ายทะเบียน")

register_words(_EXACT, PiiType.BIRTH_YEAR, "birthyear yob yearofbirth byear")
register_words(_TOKENS, PiiType.BIRTH_YEAR, "yob birthyear")
register_words(_EXACT, PiiType.BIRTH_YEAR, "yrbirth birthyr yearborn bornyear")
register_words(_THAI, PiiType.BIRTH_YEAR, "ปีที่เกิด")
register_words(_THAI, PiiType.BIRTH_YEAR, "ปีเกิด ปีพศเกิด พศเกิด")

# Romanised Thai column words (DOMAIN §1.18 conventions), in the spellings that
# Thai systems actually use: RTGS (royin), informal "ee/oo/er" spellings and
# half-romanised forms. Compacted, so ``nam_sakun`` and ``NamSakun`` match too.
register_words(
    _TOKENS,
    PiiType.PERSON,
    """chue chuea cheu chuer chuen namsakun namsakul namsagoon namskul namtkun sakun sakul
    chuelen chuelane chuejing chuecing chuephusamak chuesakun""",
)
register_words(
    _TOKENS,
    PiiType.ADDRESS,
    "thiyu tiyu teeyoo thiayu thiyoo banlekthi banlektee thiyupatchuban thiyutamthabian",
)
register_words(
    _TOKENS,
    PiiType.PHONE_NUMBER,
    "boetho boethon boetho boetoh berthor bertho bertoh thorasap thonsap muethue mueatue",
)
register_words(_TOKENS, PiiType.DATE_OF_BIRTH, "wankoet wankerd wangerd wankoed wanket")
register_words(_TOKENS, PiiType.BIRTH_YEAR, "pikoet pikerd pigerd")
register_words(
    _TOKENS,
    PiiType.TH_NATIONAL_ID,
    "lekbat lekbatprachachon lekprachachon lekbatpcc lekpcc lekbattprachachon lekbatnprachatn",
)
register_words(
    _TOKENS, PiiType.POSTAL_CODE, "rahatpraisani rahatpraisanee rahatpraitni praisani praisanee"
)

_SPLIT = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+|[^\W\d_A-Za-z]+")
# Compacted names that look like a prior but are not personal data.
_NOT_PII = frozenset(
    {
        "companyname",
        "productname",
        "filename",
        "hostname",
        "username",
        "tablename",
        "columnname",
        "bankname",
        "branchname",
        "shopname",
    }
)


#: Tokens that make a column a measure of many (a price, a count, a rate): what
#: such a column holds is a number about a group, never a person's identifier,
#: whatever other word stands beside it (``avg_price_by_zipcode``, ``gender_count``).
MEASURE_TOKENS = frozenset(
    """price prices amount amt avg average mean median sum total totals count counts cnt qty
    quantity cost costs revenue income sales rate rates ratio pct percent percentage density
    population share growth volume weight min max std stddev variance""".split()
)
#: Tokens that name an identifier of a thing (a device, a product, a document),
#: not of a person: their digits are a serial, not a phone or an account.
THING_ID_TOKENS = frozenset(
    """serial serialno sn sku barcode ean upc isbn issn part partno asset lot batch model
    tracking invoice order orders txn transaction transactions ref reference voucher coupon
    receipt product item device meter hash checksum uuid guid token version build firmware
    imei sim iccid""".split()
)


@dataclass(frozen=True)
class NamePrior:
    """The type a column name points to, and the words that matched."""

    type: PiiType
    matched: str


#: Names too generic to mean a person alone ("name" of a genre, a product, a person …).
_GENERIC_NAMES = frozenset({"name", "names", "contact", "contactperson", "displayname", "ชื่อ"})


def is_generic_name(name: str) -> bool:
    """True for ``name``-like columns that hold people only beside other personal data."""
    return "".join(name_tokens(name)) in _GENERIC_NAMES or name.strip() in _GENERIC_NAMES


def _compounds(tokens: list[str]) -> list[str]:
    """Runs of two or more adjacent tokens, compacted: ``cust_first_name`` → ``firstname`` …"""
    return [
        "".join(tokens[start:end])
        for start in range(len(tokens))
        for end in range(start + 2, len(tokens) + 1)
        if end - start < len(tokens)
    ]


def is_measure_name(name: str) -> bool:
    """True when the column name says it is a measure (``avg_price_by_zipcode``)."""
    return any(token in MEASURE_TOKENS for token in name_tokens(name))


def is_thing_id_name(name: str) -> bool:
    """True when the column name says it identifies a thing (``serial_no``, ``order_ref``)."""
    tokens = name_tokens(name)
    return any(token in THING_ID_TOKENS for token in tokens) or "".join(tokens) in THING_ID_TOKENS


#: Separators dropped before Thai phrases are looked for: ``วัน/เดือน/ปีเกิด``, ``ว.ด.ป. เกิด``.
_THAI_SEPARATORS = re.compile(r"[\s/.\-_]+")


def name_tokens(name: str) -> list[str]:
    """``"BirthDate"`` → ``["birth", "date"]``; Thai runs stay whole."""
    return [token.lower() for token in _SPLIT.findall(name)]


@dataclass(frozen=True)
class NameLexicon:
    """Words that name types, and how to read a column name with them.

    ``exact`` holds compacted names, ``tokens`` words that count wherever they
    stand, ``thai`` phrases that count as substrings; ``not_pii`` compacted
    names that look like a prior but are not, and ``thai_traps`` longer Thai
    phrases that contain a phrase but mean something else (per type).
    """

    exact: Mapping[str, PiiType]
    tokens: Mapping[str, PiiType]
    thai: Mapping[str, PiiType]
    not_pii: frozenset[str] = frozenset()
    thai_traps: Mapping[PiiType, tuple[str, ...]] = field(default_factory=dict)

    def priors(self, name: str) -> tuple[NamePrior, ...]:
        """Every type the column name points to (usually none or one)."""
        tokens = name_tokens(name)
        compact = "".join(tokens)
        compounds = _compounds(tokens)
        if compact in self.not_pii or any(c in self.not_pii for c in compounds):
            return ()
        found: dict[PiiType, str] = {}
        whole = self.exact.get(compact) or self.tokens.get(compact)
        if whole is not None:
            found[whole] = compact
        for compound in compounds:
            pii_type = self.exact.get(compound) or self.tokens.get(compound)
            if pii_type is not None and pii_type not in found:
                found[pii_type] = compound
        for token in tokens:
            if token in self.tokens and self.tokens[token] not in found:
                found[self.tokens[token]] = token
        lowered = _THAI_SEPARATORS.sub("", name.lower())  # "ว/ด/ป เกิด" → "วดปเกิด"
        for phrase, pii_type in self.thai.items():
            if phrase in lowered and pii_type not in found:
                if any(trap in lowered for trap in self.thai_traps.get(pii_type, ())):
                    continue
                found[pii_type] = phrase
        return tuple(NamePrior(t, m) for t, m in found.items())


#: The day something happened, not a birthday: วันที่เกิดเหตุ, วันเกิดอุบัติเหตุ.
_HAPPENED = ("เกิดเหตุ", "เกิดอุบัติ", "เกิดปัญหา", "เกิดความ", "เกิดข้อ")

#: "เพศ" inside "พฤติกรรมทางเพศ" is not gender; "ชื่อ" inside "ชื่อบริษัท" is not a person.
ORDINARY = NameLexicon(
    exact=_EXACT,
    tokens=_TOKENS,
    thai=_THAI,
    not_pii=_NOT_PII,
    thai_traps={
        PiiType.GENDER: ("พฤติกรรม",),
        PiiType.BIRTH_YEAR: ("วันเดือนปีเกิด", "วดปเกิด", *_HAPPENED),  # the date, not the year
        PiiType.DATE_OF_BIRTH: _HAPPENED,
        PiiType.PERSON: ("บริษัท", "สินค้า", "ไฟล์", "ธนาคาร", "สาขา", "ร้าน", "ผลิตภัณฑ์", "ชื่อบัญชีผู้ใช้"),
    },
)
column_priors = ORDINARY.priors
