"""What each wire field is called on screen, from the spec's attribute descriptions (属性描述).

Keys are wire names. Where one wire name means different things in different
objects (`refId` is the sender's number on a receipt but our own number on a
takeout), a `Model.wireName` key holds the object's own label and wins.

Three of the source's descriptions are copy slips from the takeout table and
are corrected here: a receipt's `id` is its 入库单号 (the source says
出库单号), its `internalId` the 医院内部单号 its note gives, and `organId` is
called 医院编号 throughout since on a receipt it is the receiving hospital.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.codes import Label

DOCUMENT_LABELS: Mapping[str, Label] = {
    "Blood": Label("血液品种", "blood product"),
    "BloodType": Label("血液品种大类", "blood product class"),
    "BloodSubType": Label("血液品种中类", "blood product sub-class"),
    "Facility": Label("机构", "facility"),
    "Disease": Label("疾病", "disease"),
    "HandoverInfo": Label("发血单", "handover bill"),
    "HandoverDetailInfo": Label("血袋信息", "bag details"),
    "HandoverSumInfo": Label("汇总信息", "summary line"),
    "BloodBagInfo": Label("血袋信息", "bag details"),
    "DispatchListEntry": Label("发血单列表项", "dispatch list entry"),
    "Receive": Label("入库单", "receipt"),
    "ReceiveLine": Label("入库血袋", "received bag"),
    "TakeoutListForm": Label("出库单", "takeout"),
    "Takeout": Label("出库信息", "takeout details"),
    "TakeoutLine": Label("出库血袋", "bag taken out"),
    "CancelTakeout": Label("取消出库", "takeout cancellation"),
    "TransfusionApply": Label("输血申请单", "transfusion request"),
    "TransfusionApplyBlood": Label("申请血液信息", "requested product"),
    "MedicalRecord": Label("病案信息", "patient record"),
}
"""The name of a whole document, for an error that is about all of it."""

FIELD_LABELS: Mapping[str, Label] = {
    # Shared by several objects.
    "id": Label("编号", "id"),
    "name": Label("名称", "name"),
    "type": Label("类型", "type"),
    "available": Label("是否有效", "available"),
    "uiOrder": Label("排序号", "display order"),
    "organId": Label("医院编号", "hospital id"),
    "description": Label("描述", "description"),
    "createTime": Label("创建时间", "creation time"),
    "disCode": Label("疾病编码", "disease code"),
    "disName": Label("疾病名称", "disease name"),
    "bloodBagId": Label("血袋编号", "bag id"),
    "bloodGroup": Label("ABO血型", "ABO group"),
    "rhBloodGroup": Label("Rh血型", "Rh group"),
    "refId": Label("医院内部出库单号", "hospital takeout number"),
    "depId": Label("科室编码", "department id"),
    "originalId": Label("医院内部单号", "hospital number"),
    # Dictionaries.
    "Id": Label("编号", "product code"),
    "fullName": Label("全称", "full name"),
    "shortName": Label("简称", "short name"),
    "subType": Label("血液品种", "product sub-class"),
    "Blood.type": Label("血液类型", "product class"),
    "capacity": Label("血量", "volume"),
    "unit": Label("血液计量单位", "unit"),
    "conversion": Label("单位折算量", "unit conversion"),
    "code": Label("编码", "code"),
    # Handover bill and bag details.
    "HandoverInfo.id": Label("单号", "bill number"),
    "DispatchListEntry.id": Label("单号", "bill number"),
    "BloodBagInfo.id": Label("血袋编号", "bag id"),
    "deliverTime": Label("发血时间", "dispatch time"),
    "remark": Label("出库说明", "remark"),
    "bloodBags": Label("血袋信息", "bags"),
    "sums": Label("汇总信息", "summary"),
    "serialId": Label("献血序列号", "donation number"),
    "bloodId": Label("产品码", "product code"),
    "collectTime": Label("采血时间", "collection time"),
    "collector": Label("采血者帐号", "collected by"),
    "produceTime": Label("制备时间", "production time"),
    "producer": Label("制备者帐号", "produced by"),
    "expiration": Label("失效时间", "expiry time"),
    "bloodSubType": Label("血液中类", "product sub-class"),
    "HandoverSumInfo.bloodSubType": Label("血液中类名称", "product sub-class name"),
    "HandoverSumInfo.conversion": Label("总单位折算量", "total units"),
    "HandoverSumInfo.capacity": Label("总血量", "total volume"),
    # Receipt.
    "Receive.id": Label("入库单号", "receipt number"),
    "internalId": Label("医院内部单号", "hospital receipt number"),
    "Receive.type": Label("业务类型", "receipt type"),
    "disOrganId": Label("调剂医院编码", "sending hospital"),
    "Receive.refId": Label("出库方业务单号", "sender's document number"),
    "receiver": Label("入库人", "received by"),
    "Receive.depId": Label("退血科室编码", "returning department"),
    "receiveTime": Label("入库时间", "receipt time"),
    "Receive.bloodBags": Label("入库血袋列表", "bags received"),
    # Takeout.
    "outStock": Label("出库信息", "takeout"),
    "transfusionApply": Label("输血申请单信息", "transfusion request"),
    "Takeout.id": Label("出库单号", "takeout number"),
    "Takeout.type": Label("业务类型", "takeout type"),
    "otherhosId": Label("调剂去向医院编码", "receiving hospital"),
    "Takeout.depId": Label("出库科室编码", "department"),
    "commitTime": Label("出库时间", "takeout time"),
    "optId": Label("操作员", "operator"),
    "details": Label("出库血袋列表", "bags taken out"),
    # Takeout cancellation.
    "reason": Label("取消出库原因", "cancellation reason"),
    "time": Label("取消出库时间", "cancellation time"),
    "user": Label("取消出库操作人", "cancelled by"),
    "bloodBagIds": Label("取消出库的血袋", "bags to cancel"),
    # Transfusion request.
    "applyId": Label("输血申请单号", "request number"),
    "TransfusionApply.originalId": Label("医院内部输血申请单号", "hospital request number"),
    "medicalRecord": Label("病案信息", "patient record"),
    "transPurposeId": Label("输血目的", "transfusion purpose"),
    "transReason": Label("输血原因", "transfusion reason"),
    "property": Label("输血性质", "urgency"),
    "interoperativeTrans": Label("是否术中输血", "intra-operative transfusion"),
    "bleedVolume": Label("术中出血量", "intra-operative blood loss"),
    "transConsent": Label("是否签署输血同意书", "transfusion consent signed"),
    "dbNurseNo": Label("抽血护士工号", "sampling nurse's staff number"),
    "dbNurseName": Label("抽血护士姓名", "sampling nurse's name"),
    "dbDatetime": Label("护士抽血时间", "sampling time"),
    "sampleId": Label("样本编号", "sample number"),
    "apDoctorNo": Label("申请医师工号", "requesting doctor's staff number"),
    "apDoctorName": Label("申请医师姓名", "requesting doctor's name"),
    "apDatetime": Label("申请时间", "request time"),
    "needHiCheck": Label("需要上级医师核准", "senior doctor approval needed"),
    "hiDoctorNo": Label("上级医师工号", "senior doctor's staff number"),
    "hiDoctorName": Label("上级医师姓名", "senior doctor's name"),
    "hiAutDatetime": Label("上级医师审核时间", "senior doctor approval time"),
    "needChCheck": Label("需要主任医师审核", "chief doctor approval needed"),
    "chDoctorNo": Label("主任医师工号", "chief doctor's staff number"),
    "chDoctorName": Label("主任医师姓名", "chief doctor's name"),
    "chAutDatetime": Label("主任医师审核时间", "chief doctor approval time"),
    "expTransDt": Label("预计输血时间", "expected transfusion time"),
    "optName": Label("操作者", "operator"),
    "optDatetime": Label("操作时间", "operation time"),
    "dptId": Label("科室", "department"),
    "ward": Label("病区", "ward"),
    "bedno": Label("床号", "bed number"),
    "transfusionApplyBloods": Label("申请血液信息", "requested products"),
    "TransfusionApplyBlood.bloodGroup": Label("血型", "ABO group"),
    "bloodVolume": Label("申请血量", "quantity requested"),
    "bloodUnit": Label("申请量计量单位", "unit of the quantity"),
    "mlVolume": Label("折算的ML数", "quantity in ml"),
    # Patient record.
    "MedicalRecord.id": Label("患者病案号", "patient record number"),
    "MedicalRecord.originalId": Label("医院内部病案号", "hospital record number"),
    "cardtype": Label("患者证件类型", "identity document type"),
    "cardno": Label("患者证件号码", "identity document number"),
    "MedicalRecord.name": Label("患者姓名", "patient's name"),
    "sex": Label("患者性别", "sex"),
    "age": Label("患者年龄", "age"),
    "ageType": Label("患者年龄单位", "age unit"),
    "birthday": Label("患者出生日期", "date of birth"),
    "contact": Label("联系方式", "contact"),
    "country": Label("国籍", "nationality"),
    "company": Label("工作单位", "employer"),
    "dependency": Label("患者属地", "residence"),
    "opEmHpMark": Label("门诊住院标识", "visit kind"),
    "opEmHpNo": Label("门诊住院流水号", "visit number"),
    "diagnose": Label("临床诊断", "clinical diagnosis"),
    "transHisMark": Label("输血史", "transfusion history"),
    "reacHisMark": Label("输血反应史", "transfusion reaction history"),
    "gestHisMark": Label("妊娠史标识", "pregnancy history"),
    "parturition": Label("产史", "births"),
    "pregnant": Label("孕史", "pregnancies"),
    "MedicalRecord.bloodGroup": Label("血型", "ABO group"),
}
"""Field labels: `Model.wireName` for an object's own label, else `wireName`."""


def field_label(model_name: str | None, wire_name: str) -> Label:
    """How to name `wire_name` of `model_name` to a person; the wire name itself if unknown."""
    return (
        FIELD_LABELS.get(f"{model_name}.{wire_name}")
        or FIELD_LABELS.get(wire_name)
        or Label(f"“{wire_name}”", f"'{wire_name}'")
    )
