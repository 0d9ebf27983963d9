using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Workbooks;
using static TeamsCrm.Bot.Domain.Imports.LedgerFields;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>A customer row that passed the forms' checks: the file it would become (owner still to be found), its first contact and contract.</summary>
public sealed record CustomerRow(int Row, string Key, Customer File, NewContact? Contact, EntryValues? Contract, string? OwnerCell, string? LedgerKey);

/// <summary>
/// Reads a customer sheet's row with the new-customer form's readers (<see cref="CustomerBasics"/>, <see cref="ContactForm"/>) and
/// the add-entry form's (<see cref="EntryForm"/>, for a contract on the same row); the file's other sections (credit, stage,
/// project and competitor intelligence) with the same <see cref="FormReader"/> rules the edit form applies to text and amounts.
/// </summary>
public static class CustomerRows
{
    /// <summary>The row, or the first refused field as "header: message".</summary>
    public static (CustomerRow? Row, string? Problem) Read(SheetMapping sheet, SheetRow row, string fileHash, CultureInfo c)
    {
        var data = LedgerForms.Values(sheet, row);
        // A ledger's customers are customers already: 老客户 and 一般 unless it says otherwise.
        data[Category] ??= nameof(CustomerCategory.Regular);
        data[Tier] ??= nameof(CustomerTier.General);
        if (data[ContactName] is not null) data[LedgerFields.ContactRole] ??= nameof(Domain.ContactRole.Primary);
        var f = new FormReader(data, c);
        var kind = f.Choice<CustomerKind>(Kind) ?? (sheet.Individuals ? CustomerKind.Individual : CustomerKind.Enterprise);
        var basics = CustomerBasics.Read(f, kind);
        var contact = ContactForm.Read(f, required: false);
        var credit = new Credit(f.Text(CreditRating), f.Amount(CreditLimit), f.Text(PaymentTerms));
        var stage = f.Choice<DevelopmentStage>(Stage) ?? DevelopmentStage.Identify;
        var project = new ProjectIntelligence(f.MultiLine(PurchasePlan), f.MultiLine(Problem), f.MultiLine(DecisionMakers), f.Text(PurchaseTimeline),
            f.Text(Budget), f.MultiLine(PurchaseProcess));
        var competitor = new CompetitorIntelligence(f.MultiLine(CompetitorProducts), f.Text(CompetitorSatisfaction), f.Text(CompetitorRep),
            f.MultiLine(CompetitorRelationship));
        var contract = Contract(data, c, out var contractProblem);
        if (f.Errors.FirstOrDefault() is { Key: { } field, Value: var message })
            return (null, $"{LedgerForms.LabelOf(sheet, field)}: {message}");
        if (contractProblem is { } p) return (null, $"{LedgerForms.LabelOf(sheet, p.Field)}: {p.Message}");
        if (basics is null) return (null, T.Get(c, "form.required"));

        var file = basics.ApplyTo(new Customer { Number = "", Kind = kind, Name = basics.Name, OwnerAadObjectId = "" }) with
        {
            Credit = credit, Stage = stage, Project = project, Competitor = competitor, KeyAccount = ChoiceLabels.KeyAccount(data[KeyAccount]?.GetValue<string>()),
            // An import by the sales manager is its own approval.
            Status = CustomerStatus.Active,
        };
        return (new CustomerRow(row.Number, ImportKeys.Of(fileHash, sheet.Sheet, row.Number, ImportKeys.File), file, contact, contract,
            data[Owner]?.GetValue<string>(), data[Key]?.GetValue<string>()), null);
    }

    /// <summary>A contract on the customer's row, read by the add-entry form's rules; null when the row has none.</summary>
    static EntryValues? Contract(JsonObject row, CultureInfo c, out (string Field, string Message)? problem)
    {
        problem = null;
        (string Entry, string Ledger)[] fields = [("date", ContractDate), ("amount", ContractAmount), ("reference", ContractReference), ("description", ContractDescription)];
        if (fields.All(x => row[x.Ledger] is null)) return null;
        var data = new JsonObject { ["type"] = nameof(EntryType.Contract) };
        foreach (var (entry, ledger) in fields) data[entry] = row[ledger]?.GetValue<string>();
        var form = new FormReader(data, c);
        var values = EntryForm.Read(form, out _);
        if (form.Errors.FirstOrDefault() is { Key: { } id, Value: var message }) problem = (fields.First(x => x.Entry == id).Ledger, message);
        return values;
    }
}
