"""Column-name priors: what a column's name says it holds (Thai, English, romanised Thai).

A prior alone never reports a type; it lets values that merely have the
*shape* of a type count (a capitalised word in ``first_name``, a date in
``birth_date``). This module holds the words of ordinary personal data
(:data:`ORDINARY`) and the names that say a column is *not* a person's
(measures, things' identifiers, generic names); how a name is read and
matched is :mod:`scanners.classification.column_lexicon`.
"""

from __future__ import annotations

from scanners.classification.column_lexicon import NameLexicon, name_tokens, register_words
from scanners.pii_types import PiiType

# Compacted names (lower case, separators removed) that name a type outright.
_EXACT: dict[str, PiiType] = {}
# Tokens that name a type wherever they stand in the name.
_TOKENS: dict[str, PiiType] = {}
# Thai phrases that name a type when they appear anywhere in the name.
_THAI: dict[str, PiiType] = {}


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


#: Names too generic to mean a person alone ("name" of a genre, a product, a person …).
_GENERIC_NAMES = frozenset({"name", "names", "contact", "contactperson", "displayname", "ชื่อ"})


def is_generic_name(name: str) -> bool:
    """True for ``name``-like columns that hold people only beside other personal data."""
    return "".join(name_tokens(name)) in _GENERIC_NAMES or name.strip() in _GENERIC_NAMES


def is_measure_name(name: str) -> bool:
    """True when the column name says it is a measure (``avg_price_by_zipcode``)."""
    return any(token in MEASURE_TOKENS for token in name_tokens(name))


def is_thing_id_name(name: str) -> bool:
    """True when the column name says it identifies a thing (``serial_no``, ``order_ref``)."""
    tokens = name_tokens(name)
    return any(token in THING_ID_TOKENS for token in tokens) or "".join(tokens) in THING_ID_TOKENS


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
