using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Workbooks;
using static TeamsCrm.Bot.Domain.Imports.LedgerFields;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// A ledger row as the data a form would submit: field id → text in the shape the form's inputs send (dates yyyy-MM-dd,
/// amounts plain, choices by enum name). The forms' own readers then check it, so an imported row meets the same rules as a
/// typed one and is refused with the same messages.
/// </summary>
public static class LedgerForms
{
    public static JsonObject Values(SheetMapping sheet, SheetRow row)
    {
        var data = new JsonObject();
        foreach (var group in sheet.Columns.Where(c => c.Field is not null).GroupBy(c => c.Field!))
        {
            var field = group.Key;
            var filled = group.Select(c => (Column: c, Text: Convert(sheet.Kind, field, row[c.Column], c.Scale))).Where(x => x.Text is not null).ToList();
            if (filled.Count == 0) continue;
            // Several columns for one description: one line each, named by its header ("交货日期：2026-12-01").
            data[field] = filled.Count == 1 ? filled[0].Text : string.Join('\n', filled.Select(x => $"{x.Column.Label}：{x.Text}"));
        }
        // A visit's time may come with its day ("2026-11-22 14:00") when the ledger has no time column.
        if (sheet.Kind == SheetKind.Visits && data[Time] is null && sheet.For(Date).FirstOrDefault() is { } day
            && LedgerValues.HasTime(row[day.Column]))
            data[Time] = LedgerValues.Time(row[day.Column]);
        return data;
    }

    static string? Convert(SheetKind kind, string field, string? cell, int scale) => field switch
    {
        Date or ContractDate or NextActionDate => LedgerValues.Date(cell),
        Time => LedgerValues.Time(cell),
        _ when IsAmount(field) => LedgerValues.Amount(cell, scale),
        CompanySize => LedgerValues.CompanySize(cell, CustomerBasics.CompanySizes),
        Kind => ChoiceLabels.Parse<CustomerKind>(cell),
        Category or CustomerType => ChoiceLabels.Parse<CustomerCategory>(cell),
        Tier => ChoiceLabels.Parse<CustomerTier>(cell),
        LedgerFields.ContactRole => ChoiceLabels.Parse<Domain.ContactRole>(cell),
        Stage => ChoiceLabels.Parse<DevelopmentStage>(cell),
        LedgerFields.Type => ChoiceLabels.Parse<EntryType>(cell),
        Purpose => ChoiceLabels.Parse<VisitPurpose>(cell),
        Method => ChoiceLabels.Parse<VisitMethod>(cell),
        Result when kind == SheetKind.Visits => ChoiceLabels.Parse<VisitResult>(cell),
        Reason => ChoiceLabels.Parse<UnsuccessfulReason>(cell),
        // An entry's result is free text, a visit's a choice (above): the same id, told apart by the sheet.
        _ => LedgerValues.Folded(cell),
    };

    /// <summary>The header a field was read from, for a message ("电话: …"); the field id when no column feeds it.</summary>
    public static string LabelOf(SheetMapping sheet, string field) => sheet.For(field).FirstOrDefault()?.Label ?? field;
}
