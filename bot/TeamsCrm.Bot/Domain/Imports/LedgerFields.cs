namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// What a sheet of a ledger holds: customer files (one per row, maybe with a first contact and a first contract on the
/// same row — the common single-sheet 台账), further contacts, archive entries (contracts, orders, debts, repayments…), or
/// past visit reports (table 5-29). A sheet the importer should leave alone is <see cref="Ignored"/>.
/// </summary>
public enum SheetKind { Ignored, Customers, Contacts, Entries, Visits }

/// <summary>
/// The fields a ledger column can be mapped to, per kind of sheet. The ids are the input ids of the bot's own forms
/// (customer basics, contact, visit report), so that a row is checked by the very readers the forms use.
/// </summary>
public static class LedgerFields
{
    // Customer files (the new-customer and edit forms' ids, then the file's other fields).
    public const string Key = "key", Name = "name", Kind = "kind", Industry = "industry", CompanySize = "companySize", Region = "region",
        Address = "address", Phone = "phone", Email = "email", Website = "website", Aliases = "aliases", CreditCode = "creditCode", Owner = "owner",
        Category = "category", Tier = "tier", CreditRating = "creditRating", CreditLimit = "creditLimit", PaymentTerms = "paymentTerms",
        Stage = "stage", KeyAccount = "keyAccount", PurchasePlan = "purchasePlan", Problem = "problem", DecisionMakers = "decisionMakers",
        PurchaseTimeline = "purchaseTimeline", Budget = "budget", PurchaseProcess = "purchaseProcess", CompetitorProducts = "competitorProducts",
        CompetitorSatisfaction = "competitorSatisfaction", CompetitorRep = "competitorRep", CompetitorRelationship = "competitorRelationship";

    // A contact (the contact form's ids): on a customer row its first contact, on a contacts sheet one each.
    public const string ContactName = "contactName", ContactTitle = "contactTitle", ContactPhone = "contactPhone", ContactEmail = "contactEmail",
        ContactRole = "contactRole";

    // A first contract on a customer row.
    public const string ContractDate = "contractDate", ContractAmount = "contractAmount", ContractReference = "contractReference",
        ContractDescription = "contractDescription";

    // Rows of the other sheets name their customer: by name, or by the ledger's own customer number.
    public const string Customer = "customer", CustomerKey = "customerKey";

    // An archive entry (the entry form's ids).
    public const string Type = "type", Date = "date", Amount = "amount", Reference = "reference", Description = "description", Result = "result";

    // A visit report (the visit form's ids; date and result are shared with entries).
    public const string Rep = "rep", CustomerType = "customerType", Purpose = "purpose", Method = "method", Time = "time",
        ContactInfo = "contactInfo", Notes = "notes", Problems = "problems", Receivable = "receivable", Received = "received", Reason = "reason",
        ReasonNote = "reasonNote", NextAction = "nextAction", NextActionDate = "nextActionDate";

    static readonly string[] CustomerFields =
    [
        Key, Name, Kind, Industry, CompanySize, Region, Address, Phone, Email, Website, Aliases, CreditCode, Owner, Category, Tier, CreditRating,
        CreditLimit, PaymentTerms, Stage, KeyAccount, PurchasePlan, Problem, DecisionMakers, PurchaseTimeline, Budget, PurchaseProcess,
        CompetitorProducts, CompetitorSatisfaction, CompetitorRep, CompetitorRelationship,
        ContactName, ContactTitle, ContactPhone, ContactEmail, ContactRole, ContractDate, ContractAmount, ContractReference, ContractDescription,
    ];
    static readonly string[] ContactFields = [Customer, CustomerKey, ContactName, ContactTitle, ContactPhone, ContactEmail, ContactRole];
    static readonly string[] EntryFields = [Customer, CustomerKey, Type, Date, Amount, Reference, Description, Result];
    static readonly string[] VisitFields =
    [
        Customer, CustomerKey, Rep, CustomerType, Purpose, Method, Date, Time, ContactName, ContactInfo, Notes, Problems, Receivable, Received,
        Result, Reason, ReasonNote, NextAction, NextActionDate,
    ];

    /// <summary>The fields a sheet of this kind offers, in the order a card lists them.</summary>
    public static IReadOnlyList<string> Of(SheetKind kind) => kind switch
    {
        SheetKind.Customers => CustomerFields,
        SheetKind.Contacts => ContactFields,
        SheetKind.Entries => EntryFields,
        SheetKind.Visits => VisitFields,
        _ => [],
    };

    /// <summary>
    /// Fields several columns may feed, joined one line per column ("产品：…", "交货日期：…"): a ledger spreads a contract's
    /// products, payment terms and delivery date over columns the archive keeps in one description.
    /// </summary>
    public static bool TakesSeveral(string field) => field is Description or ContractDescription or Notes;

    /// <summary>What a sheet of the kind cannot do without: a customer's name; the customer and the heart of each child row.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required(SheetKind kind) => kind switch
    {
        SheetKind.Customers => [[Name]],
        SheetKind.Contacts => [[Customer, CustomerKey], [ContactName]],
        SheetKind.Entries => [[Customer, CustomerKey], [Date], [Amount, Description]],
        SheetKind.Visits => [[Customer, CustomerKey], [Date], [Notes]],
        _ => [],
    };

    /// <summary>Fields that hold money: a header in 万元 multiplies them by 10,000.</summary>
    public static bool IsAmount(string field) => field is CreditLimit or ContractAmount or Amount or Receivable or Received;
}
