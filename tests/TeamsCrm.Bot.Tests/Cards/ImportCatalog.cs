using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Features.Imports;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>
/// The import cards of <see cref="CardCatalog"/>: the mapping card fresh, refused and after a changed kind; the dry run's
/// report with problem rows and owners to settle, and with nothing to do; the end, the waiting ledgers, the closed answers.
/// </summary>
public static class ImportCatalog
{
    static readonly DateTimeOffset At = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    static ImportRun Run(LedgerMapping mapping) => new()
    {
        Id = new string('1', 32), FileName = "客户台账2026.xlsx", FileHash = new string('a', 64), ImporterAadObjectId = "wang", Mapping = mapping,
        CreatedAt = At, UpdatedAt = At,
    };

    /// <summary>A customer sheet with recognised columns and two that were not, a contract sheet, a sheet left out.</summary>
    static LedgerMapping Ledger() => new([
        new SheetMapping("客户台账", 0, SheetKind.Customers, 3, [
            new(0, "客户名称", LedgerFields.Name), new(1, "业务员", LedgerFields.Owner), new(2, "统一社会信用代码", LedgerFields.CreditCode),
            new(3, "公司坐落", null), new(4, "备注（内部，勿外传，含客户背景、合作历史与注意事项的长说明文字在此列）", null)]),
        new SheetMapping("合同", 1, SheetKind.Entries, 1, [
            new(0, "客户名称", LedgerFields.Customer), new(1, "日期", LedgerFields.Date), new(2, "金额", LedgerFields.Amount)],
            EntryType: TeamsCrm.Bot.Domain.EntryType.Contract),
        new SheetMapping("说明", 2, SheetKind.Ignored, 1, [new(0, "填表说明", null)]),
    ]);

    static ImportReport Report(CultureInfo c, bool problems)
    {
        var report = new ImportReport { FileName = "客户台账2026.xlsx" };
        for (var i = 0; i < 180; i++) report.Add(new RowVerdict("客户台账", i + 4, SheetKind.Customers, RowOutcome.Create, $"客户 {i}", null, null));
        if (!problems) return report;
        for (var i = 0; i < 3; i++)
            report.Add(new RowVerdict("客户台账", 190 + i, SheetKind.Customers, RowOutcome.Duplicate, "苏州华东精密机械有限公司", $"C-2026-0004{i}",
                T.Get(c, "import.row.duplicate", $"C-2026-0004{i}", "苏州华东精密机械有限公司", "0512-66881234")));
        report.Add(new RowVerdict("客户台账", 194, SheetKind.Customers, RowOutcome.Refused, "无锡新锐物流有限公司", null, T.Get(c, "form.required")));
        for (var i = 0; i < 20; i++) report.Add(new RowVerdict("合同", 10 + i, SheetKind.Entries, RowOutcome.Skipped, "无锡新锐物流有限公司", null, null));
        report.Add(new RowVerdict("客户台账", 136, SheetKind.Customers, RowOutcome.UnknownOwner, "常州永泰化工有限公司", null, "刘强"));
        report.UnknownOwners.AddRange(["刘强", "赵敏"]);
        return report;
    }

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var l = c.Name;
        var run = Run(Ledger());
        const string Url = "https://crm.example/imports/report?k=ImportReport&a=1";
        yield return ($"import.mapping.{l}", "ImportCards.Mapping", ImportCards.Mapping(c, run, null, zone));
        var sent = new JsonObject { ["sheet.0"] = "Customers", ["sheet.1"] = "Entries", ["sheet.2"] = "Ignored", ["col.0.3"] = "name", ["col.0.4"] = ImportCards.None };
        yield return ($"import.mapping.refused.{l}", "ImportCards.Mapping", ImportCards.Mapping(c, run, At.AddDays(-3), zone,
            new MappingState(new FormState(sent, new Dictionary<string, string>
                { ["sheet.0"] = T.Get(c, "import.twice", ImportCards.FieldLabel(c, LedgerFields.Name)) }))));
        yield return ($"import.mapping.kind-changed.{l}", "ImportCards.Mapping", ImportCards.Mapping(c, run, null, zone,
            new MappingState(ImportCards.FreshValues(run.Mapping), T.Get(c, "import.kindChanged"))));
        yield return ($"import.checking.{l}", "ImportCards.Working", ImportCards.Working(c, "import.checking", run.FileName));
        yield return ($"import.applying.{l}", "ImportCards.Working", ImportCards.Working(c, "import.applying", run.FileName));
        var people = new List<(string, string)> { ("Li Na", "lina"), ("Tom Becker", "tom"), ("王芳", "wang") };
        yield return ($"import.report.{l}", "ImportCards.Report", ImportCards.Report(c, run, Report(c, problems: true), Url, people,
            new Dictionary<string, string> { ["张伟"] = "Zhang Wei" }));
        yield return ($"import.report.clean.{l}", "ImportCards.Report", ImportCards.Report(c, run, Report(c, problems: false), Url, people,
            new Dictionary<string, string>()));
        yield return ($"import.done.{l}", "ImportCards.Done", ImportCards.Done(c, run, Report(c, problems: true)));
        yield return ($"import.waiting.{l}", "ImportCards.Waiting", ImportCards.Waiting(c, [("d1", "客户台账2026.xlsx"), ("d2", "合同台账.csv")]));
        yield return ($"import.closed.{l}", "ImportCards.Closed", ImportCards.Closed(c, T.Get(c, "import.refused.NotAWorkbook")));
    }
}
