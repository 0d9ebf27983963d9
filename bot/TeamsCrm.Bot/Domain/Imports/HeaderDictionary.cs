using System.Globalization;
using System.Text;
using static TeamsCrm.Bot.Domain.Imports.LedgerFields;

namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// Ledger headers, Chinese and English, and the fields they mean on each kind of sheet. Headers are compared in a normal
/// form (<see cref="Normalize"/>: full width folded, case, spaces, punctuation and bracketed notes dropped), so "客户名称",
/// "客户名称（全称）*", "Customer Name" and "ＣＵＳＴＯＭＥＲ　ＮＡＭＥ" are the same header. The same word can mean different fields on
/// different sheets: "姓名" is the customer on a sheet of individuals and the contact on a contacts sheet; under a merged
/// group header "联系人" it is the contact's name on a customer sheet too (<see cref="Groups"/>).
/// </summary>
public static class HeaderDictionary
{
    static readonly (string Field, string[] Words)[] CustomerWords =
    [
        (Key, ["客户编号", "客户代码", "客户号", "档案编号", "登记编号", "客户档案编号", "编号", "客户id", "customerno", "customernumber", "customerid", "customercode", "no", "number", "code"]),
        (Name, ["客户名称", "客户全称", "客户", "公司名称", "企业名称", "单位名称", "公司", "单位", "名称", "客户姓名", "姓名", "customername", "customer", "companyname", "company", "name", "fullname"]),
        (Kind, ["客户类型", "客户性质", "类型", "性质", "企业个人", "客户种类", "kind", "customerkind", "type", "customertype"]),
        (Industry, ["行业", "所属行业", "行业类别", "industry", "sector"]),
        (CompanySize, ["规模", "公司规模", "企业规模", "人数", "员工人数", "职工人数", "人员规模", "companysize", "size", "employees", "headcount"]),
        (Region, ["地区", "区域", "所在地区", "所在地", "省份", "省市", "城市", "片区", "region", "area", "province", "city"]),
        (Address, ["地址", "详细地址", "公司地址", "单位地址", "通讯地址", "联系地址", "办公地址", "住址", "家庭住址", "address"]),
        (Phone, ["电话", "联系电话", "公司电话", "办公电话", "单位电话", "固定电话", "座机", "总机", "电话号码", "phone", "telephone", "tel", "phonenumber"]),
        (Email, ["邮箱", "电子邮箱", "电子邮件", "邮件", "公司邮箱", "email", "mail"]),
        (Aliases, ["别名", "简称", "客户简称", "公司简称", "曾用名", "aliases", "alias", "short name", "former name"]),
        (Website, ["网址", "网站", "公司网址", "公司网站", "主页", "website", "web", "url", "homepage"]),
        (CreditCode, ["统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "纳税人识别号", "税号", "营业执照号", "creditcode", "unifiedsocialcreditcode", "uscc", "taxid"]),
        (Owner, ["业务员", "负责人", "客户经理", "销售", "销售员", "销售人员", "所属业务员", "跟进人", "负责业务员", "归属人", "业务代表", "owner", "salesrep", "rep", "accountmanager", "salesperson"]),
        (Category, ["客户类别", "类别", "客户分类", "分类", "category"]),
        (Tier, ["档次", "客户档次", "客户等级", "等级", "级别", "客户级别", "tier", "grade", "level"]),
        (CreditRating, ["信用等级", "信用评级", "信用级别", "信用", "creditrating", "rating"]),
        (CreditLimit, ["信用额度", "信用限度", "授信额度", "信用限额", "creditlimit"]),
        (PaymentTerms, ["付款条件", "付款方式", "结算方式", "账期", "付款期限", "paymentterms"]),
        (Stage, ["开发阶段", "阶段", "客户阶段", "stage", "developmentstage"]),
        (KeyAccount, ["大客户类别", "大客户", "大客户类型", "keyaccount", "keyaccountclass"]),
        (PurchasePlan, ["近期采购计划", "采购计划", "purchaseplan"]),
        (Problem, ["需解决的问题", "需解决问题", "待解决问题", "problemtosolve"]),
        (DecisionMakers, ["决策人及影响者", "决策人", "关键决策人", "decisionmakers"]),
        (PurchaseTimeline, ["采购时间", "采购时间表", "purchasetimeline"]),
        (Budget, ["预算", "采购预算", "budget"]),
        (PurchaseProcess, ["采购流程", "purchaseprocess"]),
        (CompetitorProducts, ["使用竞品", "竞争对手产品", "竞品", "competitorproducts"]),
        (CompetitorSatisfaction, ["竞品满意度", "满意度", "competitorsatisfaction"]),
        (CompetitorRep, ["竞争对手业务员", "对手业务员", "competitorrep"]),
        (CompetitorRelationship, ["竞争对手关系", "对手关系", "competitorrelationship"]),
        (ContactName, ["联系人", "联系人姓名", "首要联系人", "主要联系人", "对接人", "contact", "contactname", "contactperson"]),
        (ContactTitle, ["职务", "职位", "联系人职务", "联系人职位", "岗位", "title", "jobtitle", "position"]),
        (ContactPhone, ["手机", "手机号", "手机号码", "联系人电话", "联系人手机", "移动电话", "mobile", "contactphone", "cellphone"]),
        (ContactEmail, ["联系人邮箱", "联系人email", "contactemail"]),
        (LedgerFields.ContactRole, ["联系人角色", "角色", "role", "contactrole"]),
        (ContractDate, ["签约日期", "签订日期", "合同日期", "签约时间", "contractdate", "signingdate", "signedon"]),
        (ContractAmount, ["合同金额", "合同额", "签约金额", "合同总额", "contractamount", "contractvalue"]),
        (ContractReference, ["合同编号", "合同号", "contractno", "contractnumber"]),
        (ContractDescription, ["合同内容", "产品", "产品名称", "合同产品", "交货日期", "交货期", "products", "deliverydate"]),
    ];

    static readonly (string Field, string[] Words)[] CustomerRef =
    [
        (LedgerFields.Customer, ["客户名称", "客户全称", "客户", "公司名称", "企业名称", "单位名称", "所属客户", "公司", "单位", "customername", "customer", "companyname", "company"]),
        (CustomerKey, ["客户编号", "客户代码", "客户号", "档案编号", "登记编号", "customerno", "customernumber", "customerid", "customercode"]),
    ];

    static readonly (string Field, string[] Words)[] ContactWords =
    [
        (ContactName, ["联系人", "联系人姓名", "姓名", "名字", "contact", "contactname", "name", "fullname"]),
        (ContactTitle, ["职务", "职位", "联系人职务", "岗位", "部门职务", "title", "jobtitle", "position"]),
        (ContactPhone, ["电话", "手机", "手机号", "手机号码", "联系电话", "联系人电话", "移动电话", "phone", "mobile", "tel", "telephone"]),
        (ContactEmail, ["邮箱", "电子邮箱", "电子邮件", "联系人邮箱", "email", "mail"]),
        (LedgerFields.ContactRole, ["角色", "联系人角色", "类型", "role", "contactrole"]),
    ];

    static readonly (string Field, string[] Words)[] EntryWords =
    [
        (LedgerFields.Type, ["类型", "款项类型", "记录类型", "类别", "业务类型", "单据类型", "type", "entrytype"]),
        (Date, ["日期", "签约日期", "签订日期", "合同日期", "回款日期", "还款日期", "收款日期", "欠款日期", "发货日期", "下单日期", "订单日期", "退货日期",
            "投诉日期", "发生日期", "date"]),
        (Amount, ["金额", "合同金额", "合同额", "订单金额", "回款金额", "还款金额", "收款金额", "欠款金额", "应收金额", "发货金额", "退货金额", "折价金额",
            "amount", "value"]),
        (Reference, ["合同编号", "合同号", "订单号", "订单编号", "单号", "凭证号", "发票号", "编号", "reference", "contractno", "orderno", "invoiceno"]),
        (Description, ["合同内容", "产品", "产品名称", "内容", "摘要", "说明", "付款条件", "交货日期", "交货期", "description", "products", "paymentterms",
            "deliverydate"]),
        (Result, ["结果", "处理结果", "执行情况", "result"]),
    ];

    static readonly (string Field, string[] Words)[] VisitWords =
    [
        (Rep, ["业务员", "拜访人", "拜访人员", "销售", "销售员", "rep", "visitedby", "salesrep"]),
        (CustomerType, ["客户类别", "客户类型", "customertype", "category"]),
        (Purpose, ["拜访目的", "目的", "purpose"]),
        (Method, ["拜访方式", "方式", "method"]),
        (Date, ["拜访日期", "拜访时间", "日期", "date", "visitdate"]),
        (Time, ["时间", "拜访时刻", "time"]),
        (ContactName, ["接洽人", "联系人", "拜访对象", "受访人", "contact", "contactperson"]),
        (ContactInfo, ["联系方式", "联系电话", "电话", "contactinfo", "phone"]),
        (Notes, ["拜访记录", "拜访内容", "洽谈内容", "记录", "内容", "notes", "minutes"]),
        (Problems, ["问题点及改善对策", "问题点", "改善对策", "存在问题", "problems"]),
        (Receivable, ["应收", "应收金额", "应收款", "receivable"]),
        (Received, ["实收", "实收金额", "已收", "received"]),
        (Result, ["拜访结果", "结果", "result"]),
        (Reason, ["未成功原因", "原因", "失败原因", "reason"]),
        (ReasonNote, ["原因分析", "reasonnote"]),
        (NextAction, ["下一步行动", "下一步计划", "后续行动", "下步计划", "nextaction"]),
        (NextActionDate, ["下次行动日期", "下一步日期", "跟进日期", "下次拜访日期", "nextactiondate", "followupdate"]),
    ];

    /// <summary>A merged group header over sub-headers, and what the sub-headers mean under it (a customer sheet).</summary>
    static readonly (string[] Groups, (string Field, string[] Words)[] Sub)[] Groups =
    [
        (["联系人", "首要联系人", "主要联系人", "联系人信息", "联系人资料", "contact", "primarycontact"], ContactWords),
        (["合同", "签约", "合同信息", "签约情况", "首份合同", "contract"],
        [
            (ContractDate, ["日期", "签约日期", "签订日期", "date"]), (ContractAmount, ["金额", "合同金额", "amount"]),
            (ContractReference, ["编号", "合同编号", "合同号", "number", "no"]), (ContractDescription, ["内容", "产品", "交货日期", "products", "description"]),
        ]),
        (["信用", "信用信息", "信用情况", "credit"],
        [
            (CreditRating, ["等级", "评级", "信用等级", "rating"]), (CreditLimit, ["额度", "限度", "信用额度", "limit"]),
            (PaymentTerms, ["付款条件", "付款方式", "账期", "paymentterms"]),
        ]),
    ];

    static readonly Dictionary<SheetKind, Dictionary<string, string>> Lookup = new()
    {
        [SheetKind.Customers] = Index(CustomerWords),
        [SheetKind.Contacts] = Index([.. CustomerRef, .. ContactWords]),
        [SheetKind.Entries] = Index([.. CustomerRef, .. EntryWords]),
        [SheetKind.Visits] = Index([.. CustomerRef, .. VisitWords]),
    };

    static readonly List<(HashSet<string> Groups, Dictionary<string, string> Sub)> GroupLookup =
        [.. Groups.Select(g => (g.Groups.Select(Normalize).ToHashSet(StringComparer.Ordinal), Index(g.Sub)))];

    static Dictionary<string, string> Index(IEnumerable<(string Field, string[] Words)> words)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, list) in words)
            foreach (var word in list) index.TryAdd(Normalize(word), field);   // the first field listed for a word wins
        return index;
    }

    /// <summary>
    /// The field a column means on a sheet of <paramref name="kind"/>, from its header and the merged group header above it
    /// (null when none): "联系人" over "电话" is the contact's phone, "联系人电话" read together too. Null when unrecognised.
    /// </summary>
    public static string? FieldOf(SheetKind kind, string? header, string? group = null)
    {
        if (!Lookup.TryGetValue(kind, out var words)) return null;
        var own = header is null ? "" : Normalize(header);
        var parent = group is null ? "" : Normalize(group);
        if (parent.Length > 0 && own.Length > 0)
        {
            if (kind == SheetKind.Customers && GroupLookup.FirstOrDefault(g => g.Groups.Contains(parent)) is { Sub: { } sub } && sub.TryGetValue(own, out var inGroup))
                return inGroup;
            if (words.TryGetValue(parent + own, out var together)) return together;
        }
        if (own.Length > 0) return words.GetValueOrDefault(own);
        return parent.Length > 0 ? words.GetValueOrDefault(parent) : null;
    }

    /// <summary>10,000 when the header gives the amounts in 万元 (ten thousands of yuan), else 1.</summary>
    public static int ScaleOf(string? header) =>
        header is not null && header.Normalize(NormalizationForm.FormKC) is var h
            && (h.Contains("万元", StringComparison.Ordinal) || h.Contains("(万)", StringComparison.Ordinal) || h.Contains("万)", StringComparison.Ordinal))
            ? 10_000 : 1;

    /// <summary>Full width folded (NFKC), bracketed notes ("（全称）", "【必填】", "(万元)") dropped, letters and digits only, lower case.</summary>
    public static string Normalize(string header)
    {
        var folded = header.Normalize(NormalizationForm.FormKC);
        var s = new StringBuilder(folded.Length);
        var depth = 0;
        foreach (var ch in folded)
        {
            if (ch is '(' or '[' or '【' or '<' or '〔') { depth++; continue; }
            if (ch is ')' or ']' or '】' or '>' or '〕') { depth = Math.Max(0, depth - 1); continue; }
            if (depth == 0 && char.IsLetterOrDigit(ch)) s.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        }
        return s.ToString();
    }
}
