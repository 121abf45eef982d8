"""Column-name words for Section 26 sensitive data: the second lexicon beside column_names.

Read with the same machinery (:mod:`scanners.classification.column_lexicon`)
and the same three tables as :mod:`scanners.classification.column_names`:

* ``SENSITIVE_EXACT`` — compacted names (lower case, separators removed) that
  name a type outright (``bloodgrp``, ``drugallergy``, ``pdx``, ``icd10``);
* ``SENSITIVE_TOKENS`` — tokens that name a type wherever they stand
  (``religion`` in ``emp_religion``, ``allergy`` in ``op_food_allergy``);
* ``SENSITIVE_THAI`` — Thai phrases that name a type anywhere in the name.

``SENSITIVE_COLUMN_WORDS`` maps each PiiType value to all of its words; the
sensitive recognizers use them as context (a value ``พุทธ`` passed with
``context=["ศาสนา"]`` is evidence). :func:`sensitive_column_priors` applies
the tables to one column name, like ``column_names.column_priors``.

Traps (deliberately absent, tested in
``tests/scanners/classification/test_sensitive_columns.py``):

* ``sex``, ``gender``, ``เพศ`` are demographics, not sexual behaviour — only
  ``sexual…``, ``orientation``, ``รสนิยมทางเพศ``, ``เพศวิถี``,
  ``พฤติกรรมทางเพศ`` point to SEXUAL_ORIENTATION;
* ``nation``, ``nationality``, ``สัญชาติ``, ``citizenship`` are not ethnicity
  (only ``race``, ``ethnic…``, ``เชื้อชาติ``, ``เผ่าพันธุ์``, ``ชาติพันธุ์``);
* ``photo``, ``image``, ``picture``, ``avatar`` are ordinary personal data, not
  biometric unless the name says template/embedding/encoding/fingerprint;
* ``party`` alone (an ERP "party" is a customer), ``charge`` (a fee),
  ``warrant`` (a securities warrant), ``orientation`` (page orientation),
  ``disabled``/``is_disabled`` (an account flag), ``embedding`` (text
  embeddings) and ``iris`` (the flower data set) are not sensitive words;
* Thai look-alikes: ``ความเชื่อมั่น`` (confidence), ``สหภาพยุโรป`` (EU),
  ``ยีนส์`` (jeans), ``ผลตรวจสอบ`` (audit result);
* ``dx`` is matched as a whole token only (``dx``, ``dx0``, ``pdx``), never
  inside ``dxf``; ``union`` needs ``member``/``dues``/``trade``/``labor``.
"""

from __future__ import annotations

from scanners.classification.column_lexicon import NameLexicon, register_words
from scanners.pii_types import PiiType

SENSITIVE_EXACT: dict[str, PiiType] = {}
SENSITIVE_TOKENS: dict[str, PiiType] = {}
SENSITIVE_THAI: dict[str, PiiType] = {}


_H = PiiType.HEALTH
register_words(
    SENSITIVE_EXACT,
    _H,
    """bloodgroup bloodgrp bloodtype blood bloodgroupname bloodgroupid bloodtypeid abo rhgroup
    disease diseases congenital congenitaldisease underlyingdisease underlyingdiseases
    chronicdisease chronicdiseases selfdisease medicalcondition medicalconditions
    drugallergy drugallergies drugallergyhistory allergy allergies sallergy opdrugsallergy
    opfoodallergy foodallergy lostmedic lostfood selfmedic currentmedications medication
    medications pdx dx icd icd10 icd9 icd10tm diagcode diagnosis diagnoses diag
    ishypertension isht isdm isdiabetes ismi isaf isdlp isoldcva hivstatus covidresult
    labresult labresults healthstatus healthcondition medicalhistory pasthistory
    pregnancy pregnant bmi bloodpressure""",
)
register_words(
    SENSITIVE_TOKENS,
    _H,
    """disease diseases congenital allergy allergies allergic diagnosis diagnoses dx pdx
    icd icd10 medical medication medications symptom symptoms illness illnesses
    health chronic comorbidity comorbidities prescription vaccine vaccination hiv covid""",
)
register_words(
    SENSITIVE_THAI,
    _H,
    """โรคประจำตัว โรคเรื้อรัง โรค แพ้ยา ยาที่แพ้ แพ้อาหาร อาหารที่แพ้ การแพ้ ยาประจำตัว ยาที่ใช้ประจำ
    หมู่เลือด กรุ๊ปเลือด วินิจฉัย รหัสโรค ประวัติการรักษา ประวัติการเจ็บป่วย สุขภาพ ผลตรวจ ผลแล็บ
    ความดันโลหิต อาการสำคัญ ตั้งครรภ์ สิทธิการรักษา สิทธิ์การรักษา เวชระเบียน""",
)

register_words(SENSITIVE_EXACT, PiiType.RELIGION, "religion religions religionname faith belief")
register_words(SENSITIVE_TOKENS, PiiType.RELIGION, "religion religious faith denomination")
register_words(SENSITIVE_THAI, PiiType.RELIGION, "ศาสนา ลัทธิ ความเชื่อ")

register_words(
    SENSITIVE_EXACT, PiiType.ETHNICITY, "race racename ethnic ethnicity ethnicgroup tribe"
)
register_words(SENSITIVE_TOKENS, PiiType.ETHNICITY, "race ethnicity ethnic tribe")
register_words(SENSITIVE_THAI, PiiType.ETHNICITY, "เชื้อชาติ เผ่าพันธุ์ ชาติพันธุ์ ชนเผ่า")

register_words(
    SENSITIVE_EXACT,
    PiiType.POLITICAL_OPINION,
    """politicalparty politicalopinion politicalview politicalviews politicalaffiliation
    partymembership partymember votingpreference""",
)
register_words(SENSITIVE_TOKENS, PiiType.POLITICAL_OPINION, "political politics")
register_words(SENSITIVE_THAI, PiiType.POLITICAL_OPINION, "พรรคการเมือง สมาชิกพรรค การเมือง สังกัดพรรค")

register_words(
    SENSITIVE_EXACT,
    PiiType.SEXUAL_ORIENTATION,
    """sexualorientation sexualbehavior sexualbehaviour sexualhistory sexlife
    sexualpartner sexualpartners lgbt lgbtq""",
)
register_words(SENSITIVE_TOKENS, PiiType.SEXUAL_ORIENTATION, "sexual lgbt lgbtq")
register_words(SENSITIVE_THAI, PiiType.SEXUAL_ORIENTATION, "รสนิยมทางเพศ เพศวิถี พฤติกรรมทางเพศ คู่นอน")

register_words(
    SENSITIVE_EXACT,
    PiiType.CRIMINAL_RECORD,
    """criminalrecord criminalrecords criminalhistory conviction convictions offense
    offence offenses offences policerecord policeclearance backgroundcheck arrest
    arrestrecord""",
)
register_words(SENSITIVE_TOKENS, PiiType.CRIMINAL_RECORD, "criminal conviction convictions")
register_words(
    SENSITIVE_THAI,
    PiiType.CRIMINAL_RECORD,
    "ประวัติอาชญากรรม อาชญากรรม ต้องโทษ ประวัติการกระทำผิด คดีอาญา ข้อหา หมายจับ",
)

register_words(
    SENSITIVE_EXACT,
    PiiType.DISABILITY,
    "disability disabilities disabledtype disabilitytype handicap impairment",
)
register_words(SENSITIVE_TOKENS, PiiType.DISABILITY, "disability disabilities handicap")
register_words(SENSITIVE_THAI, PiiType.DISABILITY, "ความพิการ พิการ ทุพพลภาพ คนพิการ")

register_words(
    SENSITIVE_EXACT,
    PiiType.TRADE_UNION,
    """unionmember unionmembership unionmemberid unionmemberno isunionmember unionname
    uniondues tradeunion tradeunionid tradeunionname laborunion labourunion""",
)
register_words(SENSITIVE_THAI, PiiType.TRADE_UNION, "สหภาพแรงงาน สหภาพ สมาชิกสหภาพ")

register_words(
    SENSITIVE_EXACT,
    PiiType.GENETIC,
    """dna dnaresult dnatest dnaprofile genetic genetics genetictest geneticresult gene
    genome genotype genotypes snp hla hlatype hlab rsid""",
)
register_words(SENSITIVE_TOKENS, PiiType.GENETIC, "dna genetic genetics genome genotype snp hla")
register_words(SENSITIVE_THAI, PiiType.GENETIC, "พันธุกรรม ดีเอ็นเอ ยีน จีโนม")

register_words(
    SENSITIVE_EXACT,
    PiiType.BIOMETRIC,
    """fingerprint fingerprints fingerprinttemplate fingertemplate facetemplate
    faceembedding faceencoding facevector facefeature facefeatures facedescriptor
    biometric biometrics biometricdata iristemplate irisscan retinascan voiceprint
    palmvein minutiae""",
)
register_words(
    SENSITIVE_TOKENS,
    PiiType.BIOMETRIC,
    "fingerprint fingerprints biometric biometrics voiceprint minutiae lainiumue laiphimniumue",
)
register_words(
    SENSITIVE_THAI,
    PiiType.BIOMETRIC,
    "ลายนิ้วมือ ลายพิมพ์นิ้วมือ ม่านตา จำลองใบหน้า ภาพจำลองใบหน้า ข้อมูลชีวภาพ ชีวมิติ",
)

#: Phrases that contain a Thai word above but say something else.
_THAI_NOT_SENSITIVE: dict[PiiType, tuple[str, ...]] = {
    PiiType.HEALTH: ("ผลตรวจสอบ",),
    PiiType.RELIGION: ("ความเชื่อมั่น", "ความเชื่อมโยง", "ความเชื่อถือ"),
    PiiType.TRADE_UNION: ("สหภาพยุโรป",),
    PiiType.GENETIC: ("ยีนส์",),
}

SENSITIVE = NameLexicon(
    exact=SENSITIVE_EXACT,
    tokens=SENSITIVE_TOKENS,
    thai=SENSITIVE_THAI,
    thai_traps=_THAI_NOT_SENSITIVE,
)
#: PiiType value → every column word (exact names, tokens, Thai phrases) for that type.
SENSITIVE_COLUMN_WORDS: dict[str, tuple[str, ...]] = SENSITIVE.words_by_type()
#: Every Section 26 type the column name points to (usually none or one).
sensitive_column_priors = SENSITIVE.priors
