"""Hand-written synthetic word lists for the demo organisation.

Written for the demo only (not copied from PyThaiNLP's corpora or from the
scanner's own dictionaries), so scanning the demo does not simply test the
detectors against the lists they were built from. Thai names carry a
hand-made romanisation used for English name columns and e-mail addresses.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    """Whitespace-separated words of a block of text, in order."""
    return tuple(text.split())


# (Thai, romanised) pairs.
MALE_FIRST: tuple[tuple[str, str], ...] = (
    ("ธนากร", "Thanakorn"),
    ("ปิยะพงษ์", "Piyapong"),
    ("วรวุฒิ", "Worawut"),
    ("กิตติศักดิ์", "Kittisak"),
    ("ชยพล", "Chayapol"),
    ("ณัฐวุฒิ", "Nattawut"),
    ("อภิรักษ์", "Apirak"),
    ("ศุภชัย", "Supachai"),
    ("ธีรภัทร", "Teerapat"),
    ("พงศกร", "Pongsakorn"),
    ("เอกชัย", "Ekkachai"),
    ("สิทธิชัย", "Sittichai"),
    ("ภาณุวัฒน์", "Panuwat"),
    ("อนุชา", "Anucha"),
    ("ประเสริฐ", "Prasert"),
    ("วีระยุทธ", "Weerayut"),
    ("ชาญวิทย์", "Chanwit"),
    ("ก้องภพ", "Kongphop"),
    ("รัฐพล", "Rattaphon"),
    ("สุรเชษฐ์", "Surachet"),
    ("บุญเลิศ", "Boonlert"),
    ("จิรายุ", "Jirayu"),
    ("ธวัชชัย", "Thawatchai"),
    ("นพดล", "Noppadon"),
    ("ภูมิพัฒน์", "Phumiphat"),
)

FEMALE_FIRST: tuple[tuple[str, str], ...] = (
    ("กานดา", "Kanda"),
    ("พิมพ์ชนก", "Pimchanok"),
    ("ศิริพร", "Siriporn"),
    ("วรรณา", "Wanna"),
    ("ชนิดา", "Chanida"),
    ("ณัฐธิดา", "Natthida"),
    ("อรอุมา", "Onuma"),
    ("สุภาวดี", "Supawadee"),
    ("ปวีณา", "Paweena"),
    ("รัตนาภรณ์", "Rattanaporn"),
    ("จันทร์เพ็ญ", "Janpen"),
    ("ดวงใจ", "Duangjai"),
    ("เบญจมาศ", "Benjamas"),
    ("ทิพวรรณ", "Thippawan"),
    ("นภัสสร", "Naphatsorn"),
    ("ลลิตา", "Lalita"),
    ("มณีรัตน์", "Maneerat"),
    ("ปาริชาติ", "Parichat"),
    ("สุนิสา", "Sunisa"),
    ("อัญชลี", "Anchalee"),
    ("กัลยา", "Kanlaya"),
    ("เพ็ญศรี", "Pensri"),
    ("วิไลวรรณ", "Wilaiwan"),
    ("ขวัญใจ", "Khwanjai"),
    ("ธัญญารัตน์", "Thanyarat"),
)

SURNAMES: tuple[tuple[str, str], ...] = (
    ("มีสุข", "Meesuk"),
    ("ทองคำแท้", "Thongkhamthae"),
    ("ศรีสวัสดิ์ดี", "Srisawatdee"),
    ("แก้วประเสริฐ", "Kaewprasert"),
    ("บุญมาเลิศ", "Boonmalert"),
    ("วงศ์ไพศาล", "Wongphaisan"),
    ("จันทร์หอมกลิ่น", "Janhomklin"),
    ("รุ่งเรืองชัย", "Rungruangchai"),
    ("สายทองคำ", "Saithongkham"),
    ("พรหมวิเศษ", "Phromwiset"),
    ("เจริญผลดี", "Charoenphondee"),
    ("ใจกล้าหาญ", "Jaiklahan"),
    ("นาคสวัสดิ์", "Naksawat"),
    ("ปัญญาวงศ์", "Panyawong"),
    ("อินทร์แก้ว", "Inkaew"),
    ("ศักดิ์ศรีงาม", "Saksringam"),
    ("ธนาภิรมย์", "Thanaphirom"),
    ("เพชรรัตนกุล", "Phetrattanakul"),
    ("สุวรรณภักดี", "Suwanphakdee"),
    ("ชัยมงคลดี", "Chaimongkhondee"),
    ("ลิ้มเจริญสุข", "Limcharoensuk"),
    ("แสงอรุณรุ่ง", "Saengarunrung"),
    ("วัฒนาสกุลชัย", "Wattanasakunchai"),
    ("คงกระพันธ์", "Khongkraphan"),
    ("พูลสวัสดิ์", "Poonsawat"),
    ("ทรัพย์มั่นคง", "Sapmankhong"),
    ("อุดมผลไพบูลย์", "Udomphonphaiboon"),
    ("บัวขาวงาม", "Buakhawngam"),
    ("หอมจันทร์เพ็ญ", "Homjanpen"),
    ("ดีประเสริฐวงศ์", "Deeprasertwong"),
    ("สมบูรณ์ทรัพย์", "Somboonsap"),
    ("กาญจนวิไล", "Kanchanawilai"),
)

NICKNAMES = _words(
    """
    ploy bank ton aom noey mint beam fah golf nan
    pang tle boss kwan praew jay new pooh oat fern
    """
)

MALE_TITLE = "นาย"
FEMALE_TITLES: tuple[str, ...] = ("นาง", "นางสาว")


@dataclass(frozen=True)
class Locality:
    """One sub-district with its district, province and postcode."""

    subdistrict: str
    district: str
    province: str
    postcode: str
    road: str

    @property
    def is_bangkok(self) -> bool:
        """Bangkok uses แขวง/เขต instead of ตำบล/อำเภอ."""
        return self.province == "กรุงเทพมหานคร"


LOCALITIES: tuple[Locality, ...] = (
    Locality("บางพูด", "ปากเกร็ด", "นนทบุรี", "11120", "ถ.แจ้งวัฒนะ"),
    Locality("บางกระสอ", "เมืองนนทบุรี", "นนทบุรี", "11000", "ถ.งามวงศ์วาน"),
    Locality("บางรักพัฒนา", "บางบัวทอง", "นนทบุรี", "11110", "ถ.กาญจนาภิเษก"),
    Locality("คลองหนึ่ง", "คลองหลวง", "ปทุมธานี", "12120", "ถ.พหลโยธิน"),
    Locality("บางพลีใหญ่", "บางพลี", "สมุทรปราการ", "10540", "ถ.เทพารักษ์"),
    Locality("ปากน้ำ", "เมืองสมุทรปราการ", "สมุทรปราการ", "10270", "ถ.สุขุมวิท"),
    Locality("ลาดยาว", "จตุจักร", "กรุงเทพมหานคร", "10900", "ถ.พหลโยธิน"),
    Locality("สีลม", "บางรัก", "กรุงเทพมหานคร", "10500", "ถ.สีลม"),
    Locality("ห้วยขวาง", "ห้วยขวาง", "กรุงเทพมหานคร", "10310", "ถ.ประชาราษฎร์บำเพ็ญ"),
    Locality("คลองตันเหนือ", "วัฒนา", "กรุงเทพมหานคร", "10110", "ถ.สุขุมวิท"),
    Locality("บางจาก", "พระโขนง", "กรุงเทพมหานคร", "10260", "ถ.สุขุมวิท"),
    Locality("ศรีภูมิ", "เมืองเชียงใหม่", "เชียงใหม่", "50200", "ถ.มูลเมือง"),
    Locality("หนองป่าครั่ง", "เมืองเชียงใหม่", "เชียงใหม่", "50000", "ถ.ซุปเปอร์ไฮเวย์"),
    Locality("ในเมือง", "เมืองขอนแก่น", "ขอนแก่น", "40000", "ถ.มิตรภาพ"),
    Locality("หาดใหญ่", "หาดใหญ่", "สงขลา", "90110", "ถ.เพชรเกษม"),
    Locality("ในเมือง", "เมืองนครราชสีมา", "นครราชสีมา", "30000", "ถ.ราชดำเนิน"),
    Locality("ตลาดใหญ่", "เมืองภูเก็ต", "ภูเก็ต", "83000", "ถ.เยาวราช"),
    Locality("หนองปรือ", "บางละมุง", "ชลบุรี", "20150", "ถ.สุขุมวิท"),
    Locality("บ้านสวน", "เมืองชลบุรี", "ชลบุรี", "20000", "ถ.พระยาสัจจา"),
    Locality("ประตูชัย", "พระนครศรีอยุธยา", "พระนครศรีอยุธยา", "13000", "ถ.โรจนะ"),
    Locality("ในเมือง", "เมืองอุบลราชธานี", "อุบลราชธานี", "34000", "ถ.ชยางกูร"),
    Locality("หมากแข้ง", "เมืองอุดรธานี", "อุดรธานี", "41000", "ถ.โพศรี"),
)

# Province names used by the aggregate (non-personal) branch_sales table.
BRANCH_PROVINCES = _words(
    """
    กรุงเทพมหานคร นนทบุรี ปทุมธานี สมุทรปราการ ชลบุรี เชียงใหม่
    ขอนแก่น นครราชสีมา ภูเก็ต สงขลา อุดรธานี พระนครศรีอยุธยา
    """
)

ENGLISH_FIRST = _words(
    """
    Oliver Amelia Harriet Lukas Sophie Matteo Clara Henrik
    Isla Jonas Margot Felix Elena Rowan Ingrid Tobias
    Chloe Marcus Freya Dominic Annika Julien Beatrix Callum
    """
)

ENGLISH_LAST = _words(
    """
    Hartley Brennan Kowalczyk Lindqvist Moreau Fairbanks Schenk Ashworth
    Delacroix Pemberton Vogelsang Okonkwo Castellano Whitcombe Rasmussen Thornbury
    Bergmann Lachance Holloway Marchetti Nieminen Abernathy Drummond Falkenrath
    """
)


@dataclass(frozen=True)
class Country:
    """A foreign customer's country, its dialling code and e-mail domains."""

    name: str
    dial: str
    mail_domains: tuple[str, ...]


COUNTRIES: tuple[Country, ...] = (
    Country("United Kingdom", "+44", ("gmail.com", "btinternet.com", "outlook.com")),
    Country("United States", "+1", ("gmail.com", "yahoo.com", "outlook.com")),
    Country("Germany", "+49", ("gmx.de", "web.de", "gmail.com")),
    Country("France", "+33", ("orange.fr", "gmail.com")),
    Country("Australia", "+61", ("bigpond.com", "gmail.com")),
    Country("Sweden", "+46", ("telia.com", "gmail.com")),
)

# Company name stems for the suppliers table (juristic persons, not people).
COMPANY_STEMS = _words(
    """
    สยามอาหารแปรรูป ไทยเครื่องดื่มสากล รุ่งอรุณบรรจุภัณฑ์ เกษตรพัฒนาโภคภัณฑ์ ศรีนครขนส่ง
    ทองไทยเทรดดิ้ง เจริญกิจเคมีภัณฑ์ ชัยพฤกษ์พลาสติก อุดมสุขซัพพลาย บางกอกกระดาษ
    นครชัยอุตสาหกรรม ไพศาลโลจิสติกส์ มหาชัยซีฟู้ด พนาสณฑ์ผลไม้ สุวรรณภูมิคลังสินค้า
    ลานนาหัตถกรรม อันดามันเกลือทะเล อีสานข้าวหอม ธาราน้ำแร่ สามพรานนมสด
    """
)
COMPANY_ROMAN = _words(
    """
    siamfood thaibeverage-intl rungarun-pack kaset-pattana srinakorn-express
    thongthai-trading charoenkit-chem chaiyapruek-plastic udomsuk-supply bangkok-paper
    nakornchai-ind paisal-logistics mahachai-seafood panasont-fruit suvarnabhumi-wh
    lanna-craft andaman-salt isan-rice thara-mineral sampran-dairy
    """
)

# (Thai name, English name, Thai unit, English unit) for the products table.
PRODUCTS: tuple[tuple[str, str, str, str], ...] = (
    ("น้ำดื่มตราช้าง", "Elephant Drinking Water", "600 มล.", "600 ml"),
    ("ข้าวหอมมะลิทุ่งทอง", "Thung Thong Jasmine Rice", "5 กก.", "5 kg"),
    ("น้ำปลาแท้ตราปลาทอง", "Golden Fish Fish Sauce", "700 มล.", "700 ml"),
    ("บะหมี่กึ่งสำเร็จรูปรสต้มยำ", "Tom Yum Instant Noodles", "60 ก.", "60 g"),
    ("นมถั่วเหลืองสูตรหวานน้อย", "Low Sugar Soy Milk", "300 มล.", "300 ml"),
    ("กาแฟคั่วบดดอยสูง", "Highland Ground Coffee", "250 ก.", "250 g"),
    ("สบู่สมุนไพรขมิ้น", "Turmeric Herbal Soap", "100 ก.", "100 g"),
    ("ผงซักฟอกสูตรเข้มข้น", "Concentrated Detergent", "900 ก.", "900 g"),
    ("น้ำมันพืชตรานกยูง", "Peacock Vegetable Oil", "1 ลิตร", "1 l"),
    ("ทิชชู่ม้วนนุ่มพิเศษ", "Extra Soft Toilet Tissue", "6 ม้วน", "6 rolls"),
    ("ขนมปังโฮลวีท", "Whole Wheat Bread", "480 ก.", "480 g"),
    ("ซอสหอยนางรม", "Oyster Sauce", "300 มล.", "300 ml"),
)
