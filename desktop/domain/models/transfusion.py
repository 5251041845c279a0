"""The transfusion request (输血申请单) and patient record sent with a clinical-use takeout (1005).

Blood groups here are the patient's and the requested product's, entered by
staff, so an unreadable group is an error to fix, not a value to guess.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from desktop.domain.codes import (
    Abo,
    AgeUnit,
    Dependency,
    HistoryMark,
    IdentityDocument,
    Rh,
    Sex,
    TransfusionProperty,
    VisitKind,
    parse_abo,
    parse_rh,
)
from desktop.domain.dates import ShanghaiDateTime
from desktop.domain.models._base import (
    Amount,
    Count,
    Number4,
    OptionalAmount,
    OptionalCount,
    OptionalDateTime,
    OptionalFlag,
    OptionalNumber8,
    OptionalText,
    OutgoingModel,
    PlatformNumber,
    PlatformText,
    Text,
    blank_as_none,
)

AboGroup = Annotated[Abo, BeforeValidator(parse_abo)]
RhGroup = Annotated[Rh, BeforeValidator(parse_rh)]
OptionalDependency = Annotated[Dependency | None, BeforeValidator(blank_as_none)]
OptionalHistoryMark = Annotated[HistoryMark | None, BeforeValidator(blank_as_none)]


class MedicalRecord(OutgoingModel):
    """The patient's record (病案信息) as the hospital holds it."""

    id: PlatformText = None
    original_id: Text = Field(alias="originalId")
    """The hospital's own record number."""
    organ_id: PlatformNumber = Field(None, alias="organId")
    cardtype: IdentityDocument
    cardno: Text
    name: Text
    sex: Sex
    age: Count
    age_type: AgeUnit = Field(alias="ageType")
    birthday: OptionalDateTime = None
    contact: OptionalText = None
    country: OptionalText = None
    company: OptionalText = None
    # The source marks `dependency` both "N" and "必填项": the form asks for it,
    # but a record without it is not refused (see INTERFACE.md).
    dependency: OptionalDependency = None
    op_em_hp_mark: VisitKind = Field(alias="opEmHpMark")
    op_em_hp_no: Text = Field(alias="opEmHpNo")
    """The outpatient, emergency or admission number."""
    dis_code: Text = Field(alias="disCode")
    dis_name: Text = Field(alias="disName")
    diagnose: Text
    trans_his_mark: OptionalHistoryMark = Field(None, alias="transHisMark")
    reac_his_mark: OptionalHistoryMark = Field(None, alias="reacHisMark")
    gest_his_mark: OptionalHistoryMark = Field(None, alias="gestHisMark")
    parturition: OptionalCount = None
    pregnant: OptionalCount = None
    blood_group: AboGroup = Field(alias="bloodGroup")
    rh_blood_group: RhGroup = Field(alias="rhBloodGroup")


class TransfusionApplyBlood(OutgoingModel):
    """One product requested: its class, group and quantity."""

    id: PlatformNumber = None
    blood_sub_type: Number4 = Field(alias="bloodSubType")
    """Id of the requested BloodSubType (中类)."""
    blood_group: AboGroup = Field(alias="bloodGroup")
    rh_blood_group: RhGroup = Field(alias="rhBloodGroup")
    blood_volume: Amount = Field(alias="bloodVolume")
    """The quantity requested, in `blood_unit`."""
    blood_unit: Text = Field(alias="bloodUnit")
    ml_volume: Amount = Field(alias="mlVolume")
    """The quantity requested, in millilitres."""


class TransfusionApply(OutgoingModel):
    """The transfusion request behind a clinical-use takeout."""

    apply_id: PlatformText = Field(None, alias="applyId")
    original_id: Text = Field(alias="originalId")
    """The hospital's own request number."""
    medical_record: MedicalRecord = Field(alias="medicalRecord")
    organ_id: PlatformNumber = Field(None, alias="organId")
    trans_purpose_id: OptionalNumber8 = Field(None, alias="transPurposeId")
    trans_reason: Text = Field(alias="transReason")
    """A code of the transfusion-reason dictionary (`codes.TransfusionReasons`) or free text."""
    property: TransfusionProperty
    interoperative_trans: bool = Field(alias="interoperativeTrans")
    bleed_volume: OptionalAmount = Field(None, alias="bleedVolume")
    trans_consent: OptionalFlag = Field(None, alias="transConsent")
    db_nurse_no: OptionalText = Field(None, alias="dbNurseNo")
    db_nurse_name: OptionalText = Field(None, alias="dbNurseName")
    db_datetime: OptionalDateTime = Field(None, alias="dbDatetime")
    sample_id: OptionalText = Field(None, alias="sampleId")
    ap_doctor_no: OptionalText = Field(None, alias="apDoctorNo")
    ap_doctor_name: OptionalText = Field(None, alias="apDoctorName")
    ap_datetime: OptionalDateTime = Field(None, alias="apDatetime")
    need_hi_check: OptionalFlag = Field(None, alias="needHiCheck")
    hi_doctor_no: OptionalText = Field(None, alias="hiDoctorNo")
    hi_doctor_name: OptionalText = Field(None, alias="hiDoctorName")
    hi_aut_datetime: OptionalDateTime = Field(None, alias="hiAutDatetime")
    need_ch_check: OptionalFlag = Field(None, alias="needChCheck")
    ch_doctor_no: OptionalText = Field(None, alias="chDoctorNo")
    ch_doctor_name: OptionalText = Field(None, alias="chDoctorName")
    ch_aut_datetime: OptionalDateTime = Field(None, alias="chAutDatetime")
    exp_trans_dt: OptionalDateTime = Field(None, alias="expTransDt")
    opt_name: Text = Field(alias="optName")
    opt_datetime: ShanghaiDateTime = Field(alias="optDatetime")
    dpt_id: OptionalCount = Field(None, alias="dptId")
    ward: OptionalCount = None
    bedno: OptionalText = None
    dis_code: OptionalText = Field(None, alias="disCode")
    dis_name: Text = Field(alias="disName")
    transfusion_apply_bloods: list[TransfusionApplyBlood] = Field(
        alias="transfusionApplyBloods", min_length=1
    )
