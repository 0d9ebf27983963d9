using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;
using static TeamsCrm.Bot.Domain.Imports.LedgerFields;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The rows of a contacts, entries or visits sheet, each read by the form that files one of them by hand: the add-contact
/// form's <see cref="ContactForm"/>, the add-entry form's <see cref="EntryForm"/>, the visit report's <see cref="VisitForm"/>
/// (with <see cref="VisitRules"/>). A refusal is "header: message", as the form would show it beside the field.
/// </summary>
public static class ChildRows
{
    public static (NewContact? Contact, string? Problem) Contact(SheetMapping sheet, JsonObject data, CultureInfo c)
    {
        if (data[ContactName] is not null) data[LedgerFields.ContactRole] ??= nameof(Domain.ContactRole.Secondary);
        var f = new FormReader(data, c);
        var contact = ContactForm.Read(f, required: true);
        return (contact, Problem(sheet, f));
    }

    public static (EntryValues? Entry, string? Problem) Entry(SheetMapping sheet, JsonObject data, CultureInfo c)
    {
        if (sheet.EntryType is { } type) data[LedgerFields.Type] ??= type.ToString();
        var f = new FormReader(data, c);
        var entry = EntryForm.Read(f, out _);
        return (entry, Problem(sheet, f));
    }

    /// <summary>A past visit (table 5-29) of <paramref name="customer"/>; what the ledger leaves out takes the form's usual defaults.</summary>
    public static (Visit? Visit, string? Problem) Visit(SheetMapping sheet, JsonObject data, Customer customer, string rep, string key,
        DateTimeOffset now, TimeZoneInfo zone, CultureInfo c)
    {
        data[CustomerType] ??= customer.Category.ToString();
        data[Purpose] ??= nameof(VisitPurpose.Other);
        data[Method] ??= nameof(VisitMethod.OnSite);
        data[Result] ??= nameof(VisitResult.Successful);
        var f = new FormReader(data, c);
        var visit = VisitForm.Read(f, customer, rep, key, now, zone) with { Id = ImportKeys.GuidOf(key) };
        return (f.IsValid ? visit : null, Problem(sheet, f));
    }

    static string? Problem(SheetMapping sheet, FormReader f) =>
        f.Errors.FirstOrDefault() is { Key: { } field, Value: var message } ? $"{LedgerForms.LabelOf(sheet, field)}: {message}" : null;
}
