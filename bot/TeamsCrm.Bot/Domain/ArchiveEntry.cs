namespace TeamsCrm.Bot.Domain;

/// <summary>
/// One record in one of the five archive categories (五大类) of a customer file, e.g. a signed contract,
/// a repayment, a shipment, a return or a complaint with its handling result.
/// </summary>
public sealed record ArchiveEntry(
    string Id,
    string CustomerNumber,
    ArchiveCategory Category,
    EntryType Type,
    DateOnly Date,
    decimal? Amount,
    string? Reference,
    string? Description,
    string? Result,
    string CreatedByAadObjectId,
    DateTimeOffset CreatedAt);

/// <summary>基础资料, 合同订单, 欠款还款, 交易状况, 退赔折价投诉.</summary>
public enum ArchiveCategory { Basic = 1, Contracts = 2, Credit = 3, Trade = 4, Returns = 5 }

public enum EntryType
{
    Document,           // basic: licence, tax registration, power of attorney, background
    Contract, Order,    // contracts & orders
    Debt, Repayment,    // credit & repayments
    Shipment,           // trade
    Return, Discount, Complaint,   // returns, discounts & complaints
}

public static class EntryTypes
{
    /// <summary>Which category each entry type is filed under.</summary>
    public static ArchiveCategory CategoryOf(EntryType type) => type switch
    {
        EntryType.Document => ArchiveCategory.Basic,
        EntryType.Contract or EntryType.Order => ArchiveCategory.Contracts,
        EntryType.Debt or EntryType.Repayment => ArchiveCategory.Credit,
        EntryType.Shipment => ArchiveCategory.Trade,
        _ => ArchiveCategory.Returns,
    };
}
