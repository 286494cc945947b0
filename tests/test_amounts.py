"""Amount normalisation on real phrases from the five documents (and other cities' patterns).

Each case: a phrase as it stands in a document (after normalisation), and the
amounts expected in it, in order — only the fields given are compared.
"""
import pytest
from hypothesis import given, strategies as st

from corpus.amounts import chinese_number, extract_amounts

CASES = [
    # --- 华龙 ---
    ("hualong", "按企业缴纳部分最低标准给予不超过3年的社会保险补贴",
     [dict(text="3年", value=3, unit="年", quantity="duration", kind="cap")]),
    ("hualong", "可享受不超过其实际缴纳社会保险费2/3的灵活就业社会保险补贴",
     [dict(text="2/3", value=66.6667, unit="%", quantity="fraction", kind="cap")]),
    ("hualong", "申请5000元的一次性开业补贴", [dict(value=5000, unit="元", kind="exact", once=True)]),
    ("hualong", "按规定程序申请领取5000元的一次性创业补助", [dict(value=5000, once=True)]),
    ("hualong", "正常经营并带动就业5人以上", [dict(value=5, unit="人", quantity="headcount", kind="floor")]),
    ("hualong", "给予创业者每年最高10000元创业社会保险补贴",
     [dict(value=10000, kind="cap", period="年", per=None)]),
    ("hualong", "每带动1人就业给予企业每人每年500元的创业带动就业补贴",
     [dict(value=1, unit="人"), dict(value=500, per="人", period="年", kind="exact")]),
    ("hualong", "所有补贴最高不超过10万元，补贴期限不超过3年",
     [dict(value=100000, kind="cap"), dict(value=3, quantity="duration", kind="cap")]),
    ("hualong", "区财政每年列支1000万元电子商务产业发展专项资金", [dict(value=10_000_000, period="年")]),
    ("hualong", "3年内给予不超过当月实际费用50%的补贴，年补贴最高限额1万元",
     [dict(value=3, kind="cap", quantity="duration"), dict(value=50, unit="%", kind="cap"),
      dict(value=10000, kind="cap")]),
    ("hualong", "按照贷款额度的1%购买服务，每个项目最高不超过5000元",
     [dict(value=1, unit="%", kind="exact"), dict(value=5000, kind="cap", per="项目")]),
    ("hualong", "给予创业孵化园区1万元的奖励补贴", [dict(value=10000, kind="exact")]),
    ("hualong", "可按每人每年400元的标准购买辅导服务", [dict(value=400, per="人", period="年")]),
    ("hualong", "按实际融资（天使或创投方式）额度的0.5%购买融资对接服务", [dict(value=0.5, unit="%")]),
    ("hualong", "贷款最高额度统一调整为10万元", [dict(value=100000, kind="cap")]),
    ("hualong", "给予企业每人3000元的就业补贴", [dict(value=3000, per="人")]),
    ("hualong", "次年度将补贴标准从700元提高到每人每月1000元",
     [dict(value=1000, previous=700, per="人", period="月")]),
    ("hualong", "对就业见习期满留用率低于30%", [dict(value=30, unit="%")]),
    ("hualong", "分别一次性给予5万元、2万元、1万元的奖励",
     [dict(value=50000, once=True), dict(value=20000, once=True), dict(value=10000, once=True)]),
    ("hualong", "对成功创建国家级、省级、市级充分就业示范社区的，分别一次性给予5万元、2万元、1万元的奖励",
     [dict(value=50000, level="国家级"), dict(value=20000, level="省级"), dict(value=10000, level="市级")]),
    ("hualong", "给予每人不超过6个月当地失业保险金标准的就业安置补助",
     [dict(value=6, unit="个月", quantity="duration", kind="cap", per="人")]),
    ("hualong", "设立创业引导资金，区财政每年列支不低于200万元", [dict(value=2_000_000, kind="floor", period="年")]),
    ("hualong", "2015年—2018年每年列支3000万元作为鼓励能源装备制造业发展专项资金",
     [dict(text="3000万元", value=30_000_000, period="年")]),
    ("hualong", "服务3年（含3年）以上的", [dict(value=3, quantity="duration", kind="floor")]),
    ("hualong", "全区至少建成2家创业孵化园区", [dict(value=2, unit="家", quantity="count", kind="floor")]),
    # --- 君山 ---
    ("junshan", "返还其上年度实际缴纳失业保险费的50%", [dict(value=50, unit="%", quantity="percent", kind="exact")]),
    ("junshan", "返还标准可按6个月的当地月人均失业保险金和参保职工人数确定", [dict(value=6, unit="个月")]),
    ("junshan", "可给予企业1000元/人的一次性岗位补贴", [dict(text="1000元/人", value=1000, per="人", once=True)]),
    ("junshan", "区本级风险补偿基金余额每年保持不低于500万元", [dict(value=5_000_000, kind="floor", period="年")]),
    ("junshan", "给予完整知识产权项目计划书提供人一次性奖励1万元", [dict(value=10000, once=True)]),
    ("junshan", "分别按2万元和5万元标准给予一次性奖补",
     [dict(value=20000, once=True), dict(value=50000, once=True)]),
    ("junshan", "重点支持5家优秀个体工商户和5家优质初创企业，分别按2万元和5万元标准给予一次性奖补",
     [dict(value=5), dict(value=5), dict(value=20000, level="优秀个体工商户"), dict(value=50000, level="优质初创企业")]),
    ("junshan", "带动就业3至9人且投入规模在5万元以上的给予1万元的补贴",
     [dict(text="3至9人", min=3, max=9, kind="range", quantity="headcount"),
      dict(value=50000, kind="floor"), dict(value=10000, kind="exact")]),
    ("junshan", "带动就业10人至19人且投入规模在20万元以上的给予2万元补贴",
     [dict(min=10, max=19, kind="range"), dict(value=200000, kind="floor"), dict(value=20000)]),
    ("junshan", "正常运营6个月以上的，给予1万元/户的一次性创业补贴",
     [dict(value=6, kind="floor"), dict(value=10000, per="户", once=True)]),
    ("junshan", "创业导师每人每次可领取不超过800元的创业服务补助",
     [dict(value=800, kind="cap", per="人", period="次")]),
    ("junshan", "并给予每人1万元奖励", [dict(value=10000, per="人")]),
    ("junshan", "示范园区给予最高20万元的以奖代补；创业孵化基地和众创空间给予最高10万元的以奖代补",
     [dict(value=200000, kind="cap"), dict(value=100000, kind="cap")]),
    ("junshan", "个人创业提供贷款最高申请额度由10万元提高到15万元",
     [dict(text="15万元", value=150000, min=None, max=None, unit="元", kind="cap", previous=100000)]),
    ("junshan", "每人最高15万额度，最高贷款额度为75万元，按规定全额贴息2年",
     [dict(value=150000, unit="元", kind="cap", per="人"), dict(value=750000, kind="cap"), dict(value=2, unit="年")]),
    ("junshan", "达到企业现有在职职工人数25%（超过100人的企业达到15%）",
     [dict(value=25, unit="%", kind="floor"), dict(value=100, unit="人", kind="floor"), dict(value=15, kind="floor")]),
    ("junshan", "按规定可申请最高不超过300万元的创业担保贷款", [dict(value=3_000_000, kind="cap")]),
    ("junshan", "累计次数不超过3次", [dict(value=3, unit="次", kind="cap")]),
    ("junshan", "给予企业职业培训补贴，每人每年不低于4000元", [dict(value=4000, kind="floor", per="人", period="年")]),
    ("junshan", "由当地财政按高级技师3000元/人、技师2000元/人的标准再给予个人一次性晋级补贴",
     [dict(value=3000, per="人", level="高级技师"), dict(value=2000, per="人", level="技师")]),
    ("junshan", "市级给予奖励标准提高至2万元/人", [dict(value=20000, per="人")]),
    ("junshan", "力争全区技能人才总量达到1.5万人以上",
     [dict(text="1.5万人", value=15000, unit="人", quantity="headcount", kind="floor")]),
    ("junshan", "补贴标准不超过就业技能培训补贴标准的50%", [dict(value=50, kind="cap")]),
    ("junshan", "累计缴纳失业保险费36个月（含36个月）以上", [dict(text="36个月", value=36, kind="floor")]),
    ("junshan", "由在职职工参加失业保险3年以上放宽至参保1年以上",
     [dict(value=1, unit="年", kind="floor", previous=3)]),
    ("junshan", "并按每天20元发给生活费补贴", [dict(value=20, period="天", per=None)]),
    ("junshan", "将一次性求职创业补贴由800元/人提高至1500元/人", [dict(value=1500, previous=800, per="人")]),
    ("junshan", "就业见习补贴范围由离校未就业高校毕业生扩展至16-24岁失业青年",
     [dict(text="16-24岁", min=16, max=24, unit="岁", quantity="age", kind="range")]),
    ("junshan", "见习期由6-12个月调整为3-12个月", [dict(min=3, max=12, kind="range", previous=12)]),
    ("junshan", "补贴标准提高至最低工资标准的120%", [dict(value=120, unit="%")]),
    ("junshan", "其实发工资不低于当地最低工低工资标准的150%", [dict(value=150, kind="floor")]),
    ("junshan", "按300元/人的标准给予一次性求职创业补贴", [dict(value=300, per="人", once=True)]),
    ("junshan", "对吸纳贫困劳动力就业达5-9名、10-29名、30名以上的分别给予2000元.3000元、4000元且最长不超过6个月以工代训培训补贴",
     [dict(min=5, max=9), dict(min=10, max=29), dict(value=30, kind="floor"),
      dict(value=2000, level="5-9名"), dict(value=3000, level="10-29名"), dict(value=4000, level="30名以上"),
      dict(value=6, unit="个月", kind="cap")]),
    ("junshan", "对被评上的每个给予5万元一次性以奖代补资金扶持", [dict(value=50000, once=True)]),
    ("junshan", "给予300元的就业创业服务补贴", [dict(value=300)]),
    ("junshan", "对我区重点用工企业的失业动态监测补贴标准明确为每年每个监测点1500元",
     [dict(value=1500, per="监测点", period="年")]),
    ("junshan", "分别给予10万元、6万元、3万元三档以奖代补", [dict(value=100000), dict(value=60000), dict(value=30000)]),
    ("junshan", "确保全区每年新增市场主体不少于1200个", [dict(value=1200, unit="个", quantity="count", kind="floor")]),
    ("junshan", "确保企业劳动合同签订率达90%以上", [dict(value=90, unit="%", kind="floor")]),
    # --- 资阳 ---
    ("ziyang", "稳岗补贴可按不超过企业及其职工上年度足额缴纳失业保险费总额的70%确定", [dict(value=70, kind="cap")]),
    ("ziyang", "确保每个有劳动力的贫困家庭至少有1人就业", [dict(value=1, unit="人", kind="floor")]),
    ("ziyang", "从就业资金中按每人1000元的标准，给予一次性奖补", [dict(value=1000, per="人")]),
    ("ziyang", "按规定给予最高不超过10万元的创业担保贷款", [dict(value=100000, kind="cap")]),
    ("ziyang", "每年向每位贫困家庭劳动力至少推荐3个以上的就业岗位", [dict(value=3, unit="个", kind="floor")]),
    # --- 洛阳 ---
    ("luoyang", "分别给予2万元至10万元资金扶持",
     [dict(text="2万元至10万元", value=100000, min=20000, max=100000, kind="range")]),
    ("luoyang", "给予5000元一次性创业（开业）补贴", [dict(value=5000, once=True)]),
    ("luoyang", "对科技孵化载体内的大学生创业企业（团队）给予最高10万元的资助", [dict(value=100000, kind="cap")]),
    ("luoyang", "对通过国家级、省级、市级科技企业孵化器（含大学科技园）认定的，三年内根据考核结果每年分别给予最高200万元、100万元、50万元的运营补贴",
     [dict(text="三年", value=3, kind="cap"),
      dict(value=2_000_000, kind="cap", level="国家级", period="年"), dict(value=1_000_000, kind="cap", level="省级"),
      dict(value=500_000, kind="cap", level="市级")]),
    ("luoyang", "对经备案的国家级、省级、市级众创空间，一次性分别给予不低于50万元、20万元、10万元的运营补贴",
     [dict(value=500000, kind="floor", level="国家级", once=True), dict(value=200000, kind="floor", level="省级"),
      dict(value=100000, kind="floor", level="市级")]),
    ("luoyang", "对达到市级标准的一次性给予30万元奖补", [dict(value=300000, once=True, kind="exact")]),
    ("luoyang", "按照当年新发放创业担保贷款总额的1%按规定给予创业担保贷款奖励性补助", [dict(value=1, unit="%")]),
    ("luoyang", "项目库建设单位每开发征集一个创业项目按照2000元标准给予补贴", [dict(value=2000)]),
    ("luoyang", "给予每人1500元的一次性求职创业补贴", [dict(value=1500, per="人", once=True)]),
    ("luoyang", "可申请每人每月1000元的就业见习补贴", [dict(value=1000, per="人", period="月")]),
    ("luoyang", "补贴标准可提高到每人每月1500元，补贴期限最长不超过12个月",
     [dict(value=1500, per="人", period="月"), dict(value=12, unit="个月", kind="cap")]),
    ("luoyang", "可按其为高校毕业生实际缴纳的社会保险费给予最长1年的社会保险补贴",
     [dict(value=1, unit="年", quantity="duration", kind="cap")]),
    ("luoyang", "可按每人1000元标准给予一次性奖补", [dict(value=1000, per="人")]),
    ("luoyang", "应拿出5%的工作岗位", [dict(value=5, unit="%")]),
    ("luoyang", "可一次性给予3万元、5万元创建费用补助", [dict(value=30000, once=True), dict(value=50000, once=True)]),
    ("luoyang", "分别给予每人3万元、1万元的奖励", [dict(value=30000, per="人"), dict(value=10000, per="人")]),
    ("luoyang", "每年评选10名“河洛大工匠”和100名“河洛工匠”，分别给予每人3万元、1万元的奖励",
     [dict(value=10), dict(value=100), dict(value=30000, level="河洛大工匠"), dict(value=10000, level="河洛工匠")]),
    ("luoyang", "对符合条件的“河洛工匠”工作室给予10万元资金支持", [dict(value=100000)]),
    # --- 益阳 ---
    ("yiyang", "入选的市级创业孵化基地给予10万－20万元一次性扶持",
     [dict(text="10万－20万元", min=100000, max=200000, kind="range", once=True)]),
    ("yiyang", "入选的市级优质初创企业给予5万－10万元一次性扶持", [dict(min=50000, max=100000, kind="range")]),
    ("yiyang", "市本级每年安排1000万元创新创业带动就业扶持资金", [dict(value=10_000_000, period="年")]),
    ("yiyang", "个人创业担保贷款最高额度调整为10万元", [dict(value=100000, kind="cap")]),
    ("yiyang", "每人贷款最高额度10万元，最高贷款额度50万元",
     [dict(value=100000, kind="cap", per="人"), dict(value=500000, kind="cap")]),
    ("yiyang", "个人创业担保贷款最长期限从2年调整为3年", [dict(value=3, unit="年", kind="cap", previous=2)]),
    ("yiyang", "具体标准为安化县上浮不超过3个百分点", [dict(value=3, unit="个百分点", kind="cap")]),
    ("yiyang", "对符合条件的高校毕业生创新创业给予2万－5万元一次性资金扶持",
     [dict(min=20000, max=50000, kind="range", once=True)]),
    ("yiyang", "其当年的培训补贴标准按规定标准上浮10%执行", [dict(value=10, unit="%")]),
    ("yiyang", "给予每家3万―5万元的以奖代补资金", [dict(text="3万―5万元", min=30000, max=50000, per="家")]),
    ("yiyang", "每成功介绍1名建档立卡贫困劳动力且稳定就业6个月以上的，给予200元的就业创业服务补贴",
     [dict(value=1, unit="名"), dict(value=6, kind="floor"), dict(value=200)]),
    ("yiyang", "贫困劳动力就业技能培训在同类职业培训补贴标准基础上上浮70%", [dict(value=70, unit="%")]),
    ("yiyang", "培训期间按实际到课时间每人每天给予生活补贴20元", [dict(value=20, per="人", period="天")]),
    ("yiyang", "分省外、市外、区县（市）外三个层次分别给予每人不高于600元、400元、200元的一次性交通补助",
     [dict(value=600, kind="cap", per="人", once=True, level="省外"), dict(value=400, kind="cap", level="市外"),
      dict(value=200, kind="cap", level="区县（市）外")]),
    ("yiyang", "按每人每年1000元标准给予用人单位岗位补贴", [dict(value=1000, per="人", period="年")]),
    ("yiyang", "补贴标准提高至每人每年1500元", [dict(value=1500, per="人", period="年")]),
    ("yiyang", "依法签订1年以上劳动合同且实际在岗12个月", [dict(value=1, kind="floor"), dict(value=12, unit="个月")]),
    # --- other wordings ---
    ("other", "给予百分之五十的补贴", [dict(value=50, unit="%", quantity="percent")]),
    ("other", "不超过其缴费的三分之二", [dict(value=66.6667, quantity="fraction", kind="cap")]),
    ("other", "最高可贷1.5万", []),
    ("other", "给予1.5万元补贴", [dict(value=15000)]),
    ("other", "每人每年最高3000元，期限不超过半年", [dict(value=3000, kind="cap"), dict(value=0.5, unit="年", kind="cap")]),
    ("other", "1亿元", [dict(value=100_000_000)]),
]

NOT_AMOUNTS = [
    "2019年至2020年，对就业困难人员和零就业家庭成员",
    "自2017年1月1日起取得初级（五级）",
    "（湘政发〔2018〕30号）文件",
    "将每月17日定为“创业服务三湘行活动日”",
    "将城镇登记失业人员纳入“311”就业服务范围",
    "在自建电商平台、O2O商业模式",
    "分省外、市外、区县（市）外三个层次",
    "每季度末月25日前向市就业创业工作领导小组办公室报送",
]


@pytest.mark.parametrize("doc, phrase, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_amounts_on_real_phrases(doc, phrase, expected):
    found = extract_amounts(phrase)
    assert len(found) == len(expected), [a["text"] for a in found]
    for amount, want in zip(found, expected):
        for key, value in want.items():
            assert amount[key] == value, (key, amount)
        assert phrase[amount["start"]:amount["end"]] == amount["text"]


@pytest.mark.parametrize("phrase", NOT_AMOUNTS)
def test_dates_document_numbers_and_labels_are_not_amounts(phrase):
    assert extract_amounts(phrase) == []


def test_case_table_is_large_enough():
    assert sum(len(expected) for _, _, expected in CASES) >= 60
    assert {doc for doc, _, _ in CASES} >= {"hualong", "junshan", "ziyang", "luoyang", "yiyang"}


@pytest.mark.parametrize("text, value", [("三", 3), ("十二", 12), ("二十六", 26), ("一百", 100), ("半", 0.5), ("1.5", 1.5)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


@given(st.text(alphabet="0123456789.万元%/、至-－每人月年最高不超过以上的，。（）一二三半", max_size=40))
def test_extraction_never_crashes_and_spans_are_exact(text):
    for amount in extract_amounts(text):
        assert text[amount["start"]:amount["end"]] == amount["text"]
        assert amount["kind"] in {"cap", "floor", "exact", "range"}
