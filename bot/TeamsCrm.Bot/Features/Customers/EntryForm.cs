using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>What an archive entry's form says: type, date, amount, reference, description and result.</summary>
public sealed record EntryValues(EntryType Type, DateOnly Date, decimal? Amount, string? Reference, string? Description, string? Result);

/// <summary>
/// The inputs of the add-entry form and their rules: contracts, orders, debts and repayments need an amount; returns,
/// discounts and complaints a description. The ledger import reads its entry rows with the same rules.
/// </summary>
public static class EntryForm
{
    /// <summary>Documents (licences, contracts as files) belong in the customer's folder; they arrive with document links.</summary>
    public static readonly EntryType[] Offered = [.. Enum.GetValues<EntryType>().Where(t => t != EntryType.Document)];
    static readonly EntryType[] NeedAmount = [EntryType.Contract, EntryType.Order, EntryType.Debt, EntryType.Repayment];
    static readonly EntryType[] NeedDescription = [EntryType.Return, EntryType.Discount, EntryType.Complaint];

    /// <summary>Null when any input is invalid; the reader then holds the messages. <paramref name="type"/>: the type, when it could be read.</summary>
    public static EntryValues? Read(FormReader form, out EntryType? type)
    {
        type = form.Choice("type", required: true, allowed: Offered);
        var date = form.Date("date", required: true);
        var amount = form.Amount("amount", required: type is { } t1 && NeedAmount.Contains(t1));
        var reference = form.Text("reference");
        var description = form.MultiLine("description", required: type is { } t2 && NeedDescription.Contains(t2));
        var result = form.MultiLine("result");
        return type is { } entryType && date is { } entryDate && form.IsValid
            ? new EntryValues(entryType, entryDate, amount, reference, description, result)
            : null;
    }
}
