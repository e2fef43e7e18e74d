namespace ClaimVision.Synthesis.Cases;

/// <summary>Vocabulary the generator draws from: names, places, hospitals, diagnoses with ICD-10 codes, billable items.</summary>
internal static class CaseData
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "欧阳", "司马"];
    public static readonly string[] GivenChars = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "建", "国", "志", "海", "燕", "玲", "红", "晓", "宇", "欣", "怡", "浩", "子", "嘉", "俊"];
    public static readonly string[] FirstNames = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Susan", "Richard", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Matthew", "Nancy", "Wei", "Mei", "Ahmad", "Siti", "Priya"];
    public static readonly string[] LastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Lee", "Tan", "Wong", "Kumar", "O'Brien"];

    /// <summary>(region code, province+city+district, city) — real GB/T 2260 codes.</summary>
    public static readonly (string Code, string Place, string City)[] Regions =
    [
        ("110105", "北京市朝阳区", "北京"), ("310115", "上海市浦东新区", "上海"), ("440106", "广东省广州市天河区", "广州"),
        ("330106", "浙江省杭州市西湖区", "杭州"), ("510107", "四川省成都市武侯区", "成都"), ("420106", "湖北省武汉市武昌区", "武汉"),
        ("320102", "江苏省南京市玄武区", "南京"), ("610113", "陕西省西安市雁塔区", "西安"), ("370202", "山东省青岛市市南区", "青岛"),
        ("430104", "湖南省长沙市岳麓区", "长沙"), ("350203", "福建省厦门市思明区", "厦门"), ("500103", "重庆市渝中区", "重庆"),
    ];
    public static readonly string[] Streets = ["人民路", "解放路", "中山路", "建设路", "和平街", "长江路", "新华路", "文化路", "胜利街", "光明路"];
    public static readonly string[] HospitalKinds = ["第一人民医院", "中心医院", "人民医院", "中医院", "第二人民医院", "妇幼保健院", "协和医院", "附属医院"];
    public static readonly string[] Levels = ["三级甲等", "三级乙等", "二级甲等", "二级乙等", "一级"];
    public static readonly (string Zh, string En)[] Departments = [("内科", "Internal Medicine"), ("外科", "General Surgery"), ("骨科", "Orthopedics"), ("心内科", "Cardiology"), ("呼吸内科", "Pulmonology"), ("消化内科", "Gastroenterology"), ("神经内科", "Neurology")];
    public static readonly string[] UsCities = ["Springfield, IL 62704", "Columbus, OH 43215", "Austin, TX 78701", "Portland, OR 97205", "Madison, WI 53703", "Raleigh, NC 27601", "Denver, CO 80202", "Albany, NY 12207"];
    public static readonly string[] UsStreets = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Washington Blvd", "Lakeview Rd", "Park Ave"];
    public static readonly string[] UsHospitalKinds = ["General Hospital", "Medical Center", "Memorial Hospital", "Regional Medical Center", "Community Hospital", "University Hospital"];
    public static readonly string[] UsHospitalPrefixes = ["St. Mary's", "Mercy", "Riverside", "Lakeside", "Good Samaritan", "Valley", "Northwestern", "Sunrise"];

    /// <summary>(Chinese, English, ICD-10, surgical?) diagnoses.</summary>
    public static readonly (string Zh, string En, string Code, bool Surgical)[] Diagnoses =
    [
        ("社区获得性肺炎", "Community-acquired pneumonia", "J18.9", false), ("急性阑尾炎", "Acute appendicitis", "K35.8", true),
        ("2型糖尿病", "Type 2 diabetes mellitus", "E11.9", false), ("原发性高血压", "Essential hypertension", "I10", false),
        ("急性支气管炎", "Acute bronchitis", "J20.9", false), ("胆囊结石伴慢性胆囊炎", "Calculus of gallbladder with cholecystitis", "K80.1", true),
        ("腰椎间盘突出症", "Lumbar disc herniation", "M51.2", false), ("冠状动脉粥样硬化性心脏病", "Atherosclerotic heart disease", "I25.1", false),
        ("桡骨远端骨折", "Fracture of distal radius", "S52.5", true), ("急性胃肠炎", "Acute gastroenteritis", "K52.9", false),
        ("脑梗死", "Cerebral infarction", "I63.9", false), ("慢性阻塞性肺疾病急性加重", "COPD with acute exacerbation", "J44.1", false),
    ];

    /// <summary>(Chinese, English, fee class zh, fee class en, unit-price range, category, self-pay share of 乙, CPT/HCPCS code, per-day?).</summary>
    public static readonly (string Zh, string En, string ClassZh, string ClassEn, decimal Min, decimal Max, string Category, decimal SelfPay, string Code, bool PerDay)[] Items =
    [
        ("床位费", "Room and board", "床位费", "Room & Board", 30m, 120m, "甲", 0m, "0110", true),
        ("护理费(Ⅱ级)", "Nursing care", "护理费", "Nursing", 15m, 40m, "甲", 0m, "0230", true),
        ("诊查费", "Physician consultation", "诊查费", "Professional fees", 10m, 50m, "甲", 0m, "99223", true),
        ("血常规", "Complete blood count", "化验费", "Laboratory", 15m, 30m, "甲", 0m, "85025", false),
        ("肝功能全套", "Hepatic function panel", "化验费", "Laboratory", 60m, 120m, "甲", 0m, "80076", false),
        ("胸部CT平扫", "CT chest without contrast", "检查费", "Radiology", 180m, 420m, "乙", 0.1m, "71250", false),
        ("彩色多普勒超声", "Doppler ultrasound", "检查费", "Radiology", 120m, 260m, "乙", 0.1m, "93975", false),
        ("头孢呋辛钠注射液", "Cefuroxime injection", "西药费", "Pharmacy", 12m, 45m, "乙", 0.1m, "J0697", false),
        ("0.9%氯化钠注射液", "Sodium chloride 0.9% infusion", "西药费", "Pharmacy", 3m, 8m, "甲", 0m, "J7050", false),
        ("奥美拉唑肠溶胶囊", "Omeprazole capsules", "西药费", "Pharmacy", 8m, 30m, "乙", 0.1m, "J8499", false),
        ("人血白蛋白", "Human albumin", "西药费", "Pharmacy", 300m, 450m, "乙", 0.2m, "P9047", false),
        ("复方丹参滴丸", "Compound danshen dripping pills", "中成药费", "Pharmacy", 20m, 40m, "乙", 0.05m, "J8499", false),
        ("静脉输液", "IV infusion administration", "治疗费", "IV therapy", 10m, 25m, "甲", 0m, "96365", false),
        ("一次性使用输液器", "Disposable infusion set", "材料费", "Medical supplies", 3m, 12m, "丙", 1m, "A4221", false),
        ("进口可吸收缝线", "Imported absorbable suture", "材料费", "Medical supplies", 180m, 360m, "丙", 1m, "A4649", false),
        ("单人病房差价", "Private room differential", "床位费", "Room & Board", 80m, 200m, "丙", 1m, "0119", true),
    ];
    public static readonly (string Zh, string En, decimal Min, decimal Max, string Category, decimal SelfPay, string Code)[] SurgeryItems =
    [
        ("腹腔镜下手术", "Laparoscopic surgery", 2200m, 5200m, "乙", 0.1m, "47562"),
        ("全身麻醉", "General anesthesia", 600m, 1500m, "乙", 0.1m, "00790"),
    ];

    public static readonly (string Zh, string En)[] Insurers = [("中国人寿保险股份有限公司", "China Life Insurance"), ("中国平安财产保险股份有限公司", "Ping An Insurance"), ("中国太平洋人寿保险股份有限公司", "CPIC Life"), ("泰康人寿保险有限责任公司", "Taikang Life")];
    public static readonly string[] UsInsurers = ["BlueCross BlueShield", "Aetna Health", "UnitedHealthcare", "Cigna Healthcare", "Humana", "Kaiser Permanente"];
    public static readonly (string Zh, string En, string Bin)[] Banks = [("中国工商银行", "ICBC", "622202"), ("中国建设银行", "China Construction Bank", "621700"), ("中国农业银行", "Agricultural Bank of China", "622848"), ("招商银行", "China Merchants Bank", "622588"), ("中国银行", "Bank of China", "621661")];
    public static readonly (string Name, string Bin)[] UsBanks = [("Chase", "414720"), ("Bank of America", "400344"), ("Wells Fargo", "446542"), ("Citibank", "542418")];
    public static readonly (string Zh, string En)[] LabTests = [("血常规", "Complete Blood Count"), ("肝功能", "Liver Function Panel"), ("肾功能", "Renal Function Panel"), ("血脂四项", "Lipid Panel"), ("尿常规", "Urinalysis")];
}
