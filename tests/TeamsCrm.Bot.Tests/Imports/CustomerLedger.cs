using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Imports.LedgerWorkbook;

namespace TeamsCrm.Bot.Tests.Imports;

/// <summary>
/// A company's 客户台账 as sales offices keep it, 200 customers: a title row, a merged group row over the contact and first-
/// contract columns (amounts in 万元), dates as Excel dates, as "2025/3/15" text and as "2025年6月8日", a phone in full-width
/// digits, contract amounts as formulas, a few individuals; a 回款记录 sheet (30 repayments) and a 拜访记录 sheet (20 visits,
/// table 5-29). Three rows are customers already on file (by name, phone and credit code: <see cref="SeedExistingAsync"/>),
/// two name owners who are not in the directory (刘强 and 赵敏, who left).
/// </summary>
public static class CustomerLedger
{
    public const int CustomerCount = 200, RepaymentCount = 30, VisitCount = 20;
    public const string Sheet = "客户台账";
    public static readonly int[] DuplicateIndexes = [10, 40, 90];
    public static readonly (int Index, string Owner, string MapsTo)[] Leavers = [(57, "刘强", "li.na@contoso.example"), (133, "赵敏", "tom.becker@contoso.example")];
    const int HeaderRows = 3;

    static readonly string[] Cities = ["上海", "苏州", "无锡", "常州", "南京", "杭州", "宁波", "嘉兴", "合肥", "南通"];
    static readonly string[] Cores = ["宏达", "恒信", "华瑞", "金桥", "东方", "新锐", "博远", "鼎盛", "天成", "中联", "瑞丰", "长江", "盛世", "永泰", "安达", "通力", "锦华", "明辉", "国泰", "海纳"];
    static readonly (string Suffix, string Industry)[] Trades = [("精密机械", "机械制造"), ("电子科技", "电子"), ("化工", "化工"), ("纺织", "纺织"), ("物流", "物流"), ("食品", "食品")];
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    static readonly string[] Given = ["建国", "海燕", "志强", "丽华", "晓明", "秀英", "伟", "静", "磊", "敏"];
    static readonly string[] Owners = ["Li Na", "Tom Becker", "li na", "Zhang Wei"];
    static readonly string[] Titles = ["采购经理", "总经理", "技术总监", "财务主管", "采购员"];

    /// <summary>On file before the import: the same name as row 10, the same phone as row 40, the same credit code as row 90.</summary>
    public static async Task<IReadOnlyList<Customer>> SeedExistingAsync(ICustomerFiles files) =>
    [
        await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, Name(10), Demo.LiNa.AadObjectId, Phone: "021-55550001"), "seed-1"),
        await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州宏达实业", Demo.TomBecker.AadObjectId, Phone: Phone(40)), "seed-2"),
        await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "合肥老厂", Demo.LiNa.AadObjectId, CreditCode: CreditCode(90)), "seed-3"),
    ];

    /// <summary>Owner index → the name the ledger gives (a leaver's, or one of the reps').</summary>
    public static string OwnerOf(int i) => Leavers.FirstOrDefault(l => l.Index == i).Owner ?? Owners[i % Owners.Length];

    public static bool IsIndividual(int i) => i % 25 == 3;

    public static string Name(int i) => IsIndividual(i)
        ? $"{Surnames[i % 10]}{Given[i / 25 % 10]}"
        : $"{Cities[i % 10]}{Cores[i / 10 % 20]}{Trades[i * 7 % 6].Suffix}有限公司";

    static string Phone(int i) => $"0{510 + i % 10}-6{i * 37 + 1000000:D7}"[..13];

    static string CreditCode(int i)
    {
        var body = "913205" + i.ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        return body + CreditCodes.CheckCharacter(body);
    }

    static string FullWidth(string s) => new([.. s.Select(ch => char.IsAsciiDigit(ch) ? (char)(ch - '0' + '０') : ch)]);

    public static void Write(string path) => new LedgerWorkbook()
        .Sheet(Sheet, CustomerRows(), "A1:Q1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3", "J2:J3", "K2:K3",
            "L2:N2", "O2:P2", "Q2:Q3")
        .Sheet("回款记录", RepaymentRows())
        .Sheet("拜访记录", VisitRows())
        .Save(path);

    /// <summary>Customers whose rows are imported once the owner map is fixed: every one but the duplicates.</summary>
    public static IEnumerable<int> Imported => Enumerable.Range(0, CustomerCount).Where(i => !DuplicateIndexes.Contains(i));

    static IEnumerable<object?[]> CustomerRows()
    {
        yield return ["2026年客户台账（华东区）"];
        yield return ["序号", "客户名称", "客户类型", "行业", "规模", "地区", "地址", "电话", "统一社会信用代码", "业务员", "客户类别", "联系人", null, null, "首份合同", null, "备注"];
        yield return [null, null, null, null, null, null, null, null, null, null, null, "姓名", "职务", "手机", "签约日期", "合同金额（万元）", null];
        for (var i = 0; i < CustomerCount; i++)
        {
            var individual = IsIndividual(i);
            var (_, industry) = Trades[i * 7 % 6];
            var phone = i % 17 == 0 ? FullWidth(Phone(i)) : Phone(i);
            object? signed = i % 2 != 0 ? null
                : i % 10 == 4 ? $"2025/{i % 12 + 1}/{i % 27 + 1}"
                : i % 10 == 8 ? $"2025年{i % 12 + 1}月{i % 27 + 1}日"
                : new DateOnly(2025, i % 12 + 1, i % 27 + 1);
            object? amount = i % 2 != 0 ? null : i % 20 == 6 ? new Formula("10+2.5", 12.5) : 5 + i % 13 * 1.5;
            yield return
            [
                i + 1, Name(i), individual ? "个人" : "企业", individual ? null : industry, individual ? null : $"{50 + i % 9 * 60}人", Cities[i % 10],
                $"{Cities[i % 10]}市工业园区{i + 1}号", phone, !individual && i % 3 == 0 ? CreditCode(i) : null, OwnerOf(i), i % 9 == 0 ? "重点客户" : "老客户",
                $"{Surnames[(i + 3) % 10]}{Given[(i + 7) % 10]}", Titles[i % 5], $"1380013{i:D4}", signed, amount, i % 11 == 0 ? "年底回访" : null,
            ];
        }
    }

    /// <summary>Repayments of the first 30 customers imported (rows 0, 2, 4… that are neither duplicates nor leavers').</summary>
    static IEnumerable<object?[]> RepaymentRows()
    {
        yield return ["客户名称", "回款日期", "回款金额（元）", "凭证号"];
        foreach (var (i, n) in Imported.Where(i => Leavers.All(l => l.Index != i)).Take(RepaymentCount).Select((i, n) => (i, n)))
            yield return [Name(i), new DateOnly(2025, 10, n % 28 + 1), n % 4 == 0 ? $"¥{(n + 1) * 1000:N0}.00" : (n + 1) * 1000.0, $"RC-2025-{n + 1:D3}"];
    }

    static IEnumerable<object?[]> VisitRows()
    {
        yield return ["客户名称", "拜访日期", "业务员", "拜访方式", "接洽人", "拜访内容", "拜访结果", "未成功原因"];
        foreach (var (i, n) in Imported.Where(i => Leavers.All(l => l.Index != i)).Skip(50).Take(VisitCount).Select((i, n) => (i, n)))
            yield return [Name(i), new DateOnly(2025, 11, n + 1), OwnerOf(i), n % 3 == 0 ? "电话" : "上门拜访", $"{Surnames[(i + 3) % 10]}{Given[(i + 7) % 10]}",
                "介绍新产品，了解明年采购计划", n % 5 == 0 ? "未成功" : "成功", n % 5 == 0 ? "没有预算" : null];
    }
}
