"""Column names for ``locale_orgs.py``: pools of realistic spellings and a per-table namer.

Each personal-data field (``first``, ``phone``, ``dob`` …) has four pools:
DEV English-ish names, HELD-BACK names (Spanish/Portuguese/Italian words and
other spellings DEV never uses), Thai names and romanised Thai names (even
entries DEV's, odd ones HELD-BACK's). A table gets one script (English, Thai
or romanised Thai, the last two only in Thai organisations), one naming
style (DEV: snake_case, camelCase, ``cust_`` prefixes; HELD-BACK: PascalCase,
UPPER_SNAKE, ``_txt`` suffixes), and sometimes cryptic names (DEV ``c1``/``f2``,
HELD-BACK ``col_3``/``fld4``).
"""

from __future__ import annotations

import random

# key | dev English pool | held pool | Thai pool | romanised Thai pool (Thai and
# romanised pools: even entries are DEV's, odd ones HELD-BACK's). A held name
# tagged ":es,pt" is only used by organisations whose first locale is Spanish or
# Portuguese; untagged ones by anyone.
_POOL_TABLE = """
first      | first_name fname given_name firstname | forename first_nm nombre:es nome:pt,it | ชื่อ ชื่อจริง | chue chue_jing
last       | last_name lname surname family_name | last_nm surname_txt apellido:es sobrenome:pt cognome:it | นามสกุล สกุล | namsakun nam_sakul
full       | full_name customer_name name contact_person | display_nm person_nm nombre_completo:es nome_completo:pt,it | ชื่อ-นามสกุล ชื่อผู้ติดต่อ | chue_namsakun chue_phu_tidto
holder     | card_holder cardholder_name name_on_card | holder_nm titular:es,pt intestatario:it | ชื่อผู้ถือบัตร ชื่อบนบัตร | chue_phu_thue_bat chue_bon_bat
passenger  | passenger_name pax_name traveller | pax_full_nm pasajero:es passageiro:pt viaggiatore:it | ชื่อผู้โดยสาร ผู้เดินทาง | chue_phu_doisan phu_doenthang
email      | email e_mail email_address contact_email | email_addr mail_txt correo:es endereco_email:pt posta_elettronica:it | อีเมล ที่อยู่อีเมล | imel thiyu_imel
phone      | phone phone_number mobile tel | mob_no phone_nbr telefono:es,it telefone:pt cellulare:it | เบอร์โทร โทรศัพท์มือถือ | bo_tho thorasap
address    | address street_address addr home_address | residence_addr addr_line direccion:es endereco:pt indirizzo:it | ที่อยู่ ที่อยู่ปัจจุบัน | thiyu thi_yu_patjuban
postcode   | postcode zip zip_code postal_code | post_cd postal_nbr cod_postal:es cep:pt cap:it | รหัสไปรษณีย์ ไปรษณีย์ | rahat_praisani praisani
dob        | dob date_of_birth birth_date birthday | birth_dt dt_birth fecha_nacimiento:es data_nascimento:pt data_nascita:it | วันเกิด วันเดือนปีเกิด | wan_koet wankerd
birth_year | birth_year yob | yr_birth anio_nacimiento:es ano_nasc:pt anno_nascita:it | ปีเกิด ปีที่เกิด | pi_koet pee_kerd
gender     | gender sex gender_code | sex_cd sexo:es,pt sesso:it | เพศ เพศสภาพ | phet pet
th_id      | citizen_id id_card national_id cid | nat_id_no person_code card_id13 doc_ident | เลขประจำตัวประชาชน เลขบัตรประชาชน | lek_bat lek_prachachon
foreign_id | ssn national_insurance_no tax_number id_number | tax_ident nat_ident_no dni:es cpf:pt codice_fiscale:it rrn:ko jumin_no:ko | เลขประจำตัว เลขประจำตัวต่างชาติ | lek_pracham_tua lek_tangchat
passport   | passport_no passport_number passport | pp_no travel_doc_no pasaporte:es num_passaporte:pt passaporto:it | เลขหนังสือเดินทาง พาสปอร์ต | nangsue_doenthang passport_lek
account    | bank_account account_no acct_number | acc_num bank_acct_nbr cuenta_bancaria:es conta_corrente:pt conto_corrente:it | เลขบัญชี เลขที่บัญชีธนาคาร | lek_banchi banchi_thanakhan
iban       | iban iban_code | iban_nr iban_cd cuenta_iban:es iban_conta:pt | ไอบาน เลขไอบาน | iban_th lek_iban
card       | card_number cc_number pan | card_no_full pan_nbr tarjeta:es num_cartao:pt carta_credito:it | เลขบัตรเครดิต บัตรเครดิต | lek_bat_khredit bat_credit
ip         | ip ip_address client_ip remote_addr | src_addr peer origin_ip ip_origem:pt | ไอพี ที่อยู่ไอพี | ai_phi thiyu_ip
religion   | religion religion_code | faith creed credo:es religiao:pt religione:it | ศาสนา ศาสนาที่นับถือ | satsana sasana
blood      | blood_group blood_type | abo_rh bloodgrp_cd grupo_sanguineo:es,pt gruppo_sanguigno:it | กรุ๊ปเลือด หมู่เลือด | krup_lueat mu_lueat
diagnosis  | diagnosis icd10 dx_code | main_dx dx_primary diagnostico:es,pt diagnosi:it | การวินิจฉัย โรค | kan_winitchai rok
finger     | fingerprint_template fp_template finger_minutiae | biometric_blob finger_tmpl huella:es template_digital:pt impronta:it | ลายนิ้วมือ แม่แบบลายนิ้วมือ | lai_niw_mue lainiumue
face       | face_template face_embedding | face_vec face_tmpl rosto_template:pt volto:it | ใบหน้า แม่แบบใบหน้า | bai_na baina_template
notes      | notes remark comment description | memo_txt obs observaciones:es observacoes:pt nota:it | หมายเหตุ บันทึก | mai_het banthuek
plate      | license_plate car_plate plate_no | plate_nbr vehicle_reg placa:es,pt matricula:es targa:it | ทะเบียนรถ เลขทะเบียน | thabian_rot lek_thabian
"""
POOLS: dict[str, tuple[list[str], ...]] = {
    key.strip(): tuple(part.split() for part in parts)
    for key, *parts in (line.split("|") for line in _POOL_TABLE.strip().splitlines())
}

PREFIX = {
    "customers": "cust",
    "employees": "emp",
    "payments": "pay",
    "clinic": "pt",
    "bookings": "bk",
}


class Namer:
    """Chooses one table's column names: a naming style, unique names, some cryptic."""

    def __init__(
        self, rng: random.Random, variant: str, table: str, thai: bool, fixed: bool, lang: str = ""
    ) -> None:
        self.lang = lang  # the organisation's language ("es" of es_ES): tagged held names
        self.rng, self.variant, self.table, self.taken = rng, variant, table, set[str]()
        self.fixed = fixed  # trap tables keep their (deceptive) names
        self.script = rng.choice(["en", "th", "rom"]) if thai else "en"
        dev_styles, held_styles = ["snake", "camel", "prefix"], ["pascal", "upper", "suffix"]
        self.style = rng.choice(dev_styles if variant == "dev" else held_styles)
        self.cryptic_all = rng.random() < 0.15
        self.counter = 0

    def cryptic(self) -> str:
        self.counter += 1
        forms = ["c{}", "f{}"] if self.variant == "dev" else ["col_{}", "fld{}"]
        return forms[self.counter % 2].format(self.counter)

    def __call__(self, key: str, force_cryptic: bool = False) -> str:
        if self.fixed:
            name = key
        elif force_cryptic or self.cryptic_all or (key in POOLS and self.rng.random() < 0.06):
            name = self.cryptic()
        elif key not in POOLS:
            name = self._style(key)
        else:
            dev, held, thai, rom = POOLS[key]
            half = 0 if self.variant == "dev" else 1
            held = [
                n.split(":")[0]
                for n in held
                if ":" not in n or self.lang in n.split(":")[1].split(",")
            ]
            pool = {"en": dev if half == 0 else held, "th": thai[half::2], "rom": rom[half::2]}[
                self.script
            ]
            name = self.rng.choice(pool)
            if self.script == "en":
                name = self._style(name)
        return self._unique(name)

    def _unique(self, name: str) -> str:
        while name in self.taken:
            name = f"{name}_{len(self.taken)}"
        self.taken.add(name)
        return name

    def _style(self, name: str) -> str:
        parts = name.split("_")
        if self.style == "camel":
            return parts[0] + "".join(p.capitalize() for p in parts[1:])
        if self.style == "prefix" and self.rng.random() < 0.6:
            return f"{PREFIX.get(self.table, 'usr')}_{name}"
        if self.style == "pascal":
            return "".join(p.capitalize() for p in parts)
        if self.style == "upper":
            return name.upper()
        if self.style == "suffix" and self.rng.random() < 0.5:
            return f"{name}_txt"
        return name
