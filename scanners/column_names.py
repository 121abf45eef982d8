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
from dataclasses import dataclass

from scanners.pii_types import PiiType

# Compacted names (lower case, separators removed) that name a type outright.
_EXACT: dict[str, PiiType] = {}
# Tokens that name a type wherever they stand in the name.
_TOKENS: dict[str, PiiType] = {}
# Thai phrases that name a type when they appear anywhere in the name.
_THAI: dict[str, PiiType] = {}


def _register(table: dict[str, PiiType], pii_type: PiiType, words: str) -> None:
    for word in words.split():
        table[word] = pii_type


_register(
    _EXACT,
    PiiType.TH_NATIONAL_ID,
    """cid citizenid citizenno citizennumber nationalid
    nationalidno idcard idcardno idcardnumber idno idnumber personalid personalidno peopleid
    identificationno identificationnumber thaiid thaiidno nid idcardnum""",
)
_register(_TOKENS, PiiType.TH_NATIONAL_ID, "citizen")
_register(
    _THAI,
    PiiType.TH_NATIONAL_ID,
    """เลขบัตรประชาชน เลขประจำตัวประชาชน บัตรประชาชน
    เลขที่บัตรประจำตัวประชาชน รหัสประจำตัวประชาชน เลขบัตรปชช""",
)

_register(
    _EXACT,
    PiiType.PERSON,
    """fname lname mname firstname lastname middlename fullname
    givenname familyname surname nickname forename firstnameth lastnameth firstnameen lastnameen
    nameth nameen thainame englishname fullnameth fullnameen contactname customername
    employeename patientname membername personname ownername fathername mothername spousename
    marryname accountname informname""",
)
_register(_TOKENS, PiiType.PERSON, "surname forename nickname fullname firstname lastname")
_register(_THAI, PiiType.PERSON, "ชื่อ นามสกุล สกุล ชื่อเล่น")

_register(
    _EXACT,
    PiiType.PHONE_NUMBER,
    """tel telno telephone phone phoneno phonenumber mobile
    mobileno mobilephone mobilephonenumber cellphone cell fax faxno hometel worktel telwork
    emtel telem contactphone informtel callphone msisdn""",
)
_register(_TOKENS, PiiType.PHONE_NUMBER, "phone telephone mobile tel fax")
_register(_THAI, PiiType.PHONE_NUMBER, "เบอร์โทร โทรศัพท์ มือถือ โทรสาร เบอร์ติดต่อ")

_register(_EXACT, PiiType.EMAIL_ADDRESS, "email emailaddress mail mailaddress")
_register(_TOKENS, PiiType.EMAIL_ADDRESS, "email")
_register(_THAI, PiiType.EMAIL_ADDRESS, "อีเมล อีเมล์")

_register(
    _EXACT,
    PiiType.DATE_OF_BIRTH,
    """dob birth birthday birthdate bdate dateofbirth
    birthdt dbirthday birthdates""",
)
_register(_TOKENS, PiiType.DATE_OF_BIRTH, "birth birthday birthdate dob")
_register(_THAI, PiiType.DATE_OF_BIRTH, "วันเกิด วันเดือนปีเกิด")

_register(
    _EXACT,
    PiiType.ADDRESS,
    """address addr addrpart homeaddress streetaddress street
    road soi moo addresscurrent addressline addressline1 addressline2 billingaddress
    shippingaddress mailingaddress houseno addrhouseno informaddr""",
)
_register(_TOKENS, PiiType.ADDRESS, "address addr street")
_register(_THAI, PiiType.ADDRESS, "ที่อยู่ บ้านเลขที่")

_register(_EXACT, PiiType.POSTAL_CODE, "zip zipcode postcode postalcode addrpostcode")
_register(_TOKENS, PiiType.POSTAL_CODE, "zip zipcode postcode postal")
_register(_THAI, PiiType.POSTAL_CODE, "รหัสไปรษณีย์")

_register(_EXACT, PiiType.GENDER, "sex gender sgender")
_register(_TOKENS, PiiType.GENDER, "gender")
_register(_THAI, PiiType.GENDER, "เพศ")

_register(_EXACT, PiiType.PASSPORT, "passport passportno passportnumber passportnum ppno")
_register(_TOKENS, PiiType.PASSPORT, "passport")
_register(_THAI, PiiType.PASSPORT, "หนังสือเดินทาง พาสปอร์ต")

_register(
    _EXACT,
    PiiType.BANK_ACCOUNT,
    """bankaccount bankaccountno bankaccountnumber accountno
    accountnumber accno accnum acctno bankno banknumber bacnumber bankacc promptpay""",
)
_register(_THAI, PiiType.BANK_ACCOUNT, "เลขที่บัญชี เลขบัญชี บัญชีธนาคาร พร้อมเพย์")

_register(
    _EXACT,
    PiiType.CREDIT_CARD,
    """creditcard creditcardno creditcardnumber cardno
    cardnumber ccnumber ccno pan debitcard""",
)
_register(_THAI, PiiType.CREDIT_CARD, "บัตรเครดิต เลขบัตรเครดิต")

_register(
    _EXACT,
    PiiType.IP_ADDRESS,
    """ip ipaddress ipaddr clientip remoteaddr remoteip
    sourceip srcip lastloginip loginip""",
)
_register(_TOKENS, PiiType.IP_ADDRESS, "ip ipaddress")
_register(_THAI, PiiType.IP_ADDRESS, "ไอพี")

_register(
    _EXACT,
    PiiType.TH_LICENSE_PLATE,
    """licenseplate licenceplate plate plateno carplate
    carno vehicleplate vehicleno licenseplateno""",
)
_register(_TOKENS, PiiType.TH_LICENSE_PLATE, "plate")
_register(_THAI, PiiType.TH_LICENSE_PLATE, "ทะเบียนรถ ป้ายทะเบียน")

_register(_EXACT, PiiType.BIRTH_YEAR, "birthyear yob yearofbirth byear")
_register(_THAI, PiiType.BIRTH_YEAR, "ปีเกิด")

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


def name_tokens(name: str) -> list[str]:
    """``"BirthDate"`` → ``["birth", "date"]``; Thai runs stay whole."""
    return [token.lower() for token in _SPLIT.findall(name)]


def column_priors(name: str) -> tuple[NamePrior, ...]:
    """Every type the column name points to (usually none or one)."""
    tokens = name_tokens(name)
    compact = "".join(tokens)
    priors: dict[PiiType, str] = {}
    if compact in _NOT_PII:
        return ()
    if compact in _EXACT:
        priors[_EXACT[compact]] = compact
    for token in tokens:
        if token in _TOKENS and _TOKENS[token] not in priors:
            priors[_TOKENS[token]] = token
    lowered = name.lower()
    for phrase, pii_type in _THAI.items():
        if phrase in lowered and pii_type not in priors:
            # "เพศ" inside "พฤติกรรมทางเพศ" is not gender; "ชื่อ" inside "ชื่อบริษัท" is not a person.
            if pii_type is PiiType.GENDER and "พฤติกรรม" in lowered:
                continue
            if pii_type is PiiType.PERSON and any(w in lowered for w in _THAI_NOT_PERSON):
                continue
            priors[pii_type] = phrase
    return tuple(NamePrior(t, m) for t, m in priors.items())


_THAI_NOT_PERSON = ("บริษัท", "สินค้า", "ไฟล์", "ธนาคาร", "สาขา", "ร้าน", "ผลิตภัณฑ์", "ชื่อบัญชีผู้ใช้")
