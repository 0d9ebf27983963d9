using System.Globalization;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Customer ↔ the fields of its item in the Customers list. One table gives the columns (for provisioning), the
/// values written, the values read back and each field's name in change records, so a field added to
/// <see cref="Customer"/> needs one line here.
/// </summary>
static class CustomerFields
{
    /// <param name="Name">The field's name in change records (Customer's property path, e.g. "Credit.Limit"); null for derived columns.</param>
    /// <param name="Fixed">Written when the file is created and never by an update (the number, the filing time).</param>
    sealed record Field(string? Name, ColumnDef Column, Func<Customer, object?> Write, Func<Customer, ItemFields, Customer> Read, bool Fixed = false)
    {
        public string Key => Column.Name;
    }

    public const string Number = "Number", NormalizedName = "NormalizedName", NormalizedPhone = "NormalizedPhone",
        NormalizedCreditCode = "NormalizedCreditCode", Owner = "Owner", Status = "FileStatus", LastContactAt = "LastContactAt",
        EditVersion = "EditVersion";

    /// <summary>The normal forms of <see cref="Customer.Aliases"/>, one column each (<see cref="CustomerAliases.Max"/>).</summary>
    public static readonly string[] NormalizedAliases = ["NormalizedAlias1", "NormalizedAlias2", "NormalizedAlias3"];

    static Field Text(string name, string column, Func<Customer, string?> get, Func<Customer, string?, Customer> set, int max = 255,
        bool indexed = false, bool required = false) =>
        new(name, new ColumnDef(column, ColumnKind.Text, max, indexed, Required: required), c => get(c), (c, f) => set(c, f.Text(column)));

    static Field Note(string name, string column, Func<Customer, string?> get, Func<Customer, string?, Customer> set) =>
        new(name, new ColumnDef(column, ColumnKind.Note), c => get(c), (c, f) => set(c, f.Text(column)));

    static Field Choice<T>(string name, string column, Func<Customer, T> get, Func<Customer, T, Customer> set, bool indexed = false)
        where T : struct, Enum =>
        new(name, new ColumnDef(column, ColumnKind.Choice, Indexed: indexed, Choices: Enum.GetNames<T>()), c => get(c).ToString(),
            (c, f) => set(c, Enum.Parse<T>(f.Text(column)!)));

    static Field Time(string name, string column, Func<Customer, DateTimeOffset?> get, Func<Customer, DateTimeOffset?, Customer> set,
        bool isFixed = false) =>
        new(name, new ColumnDef(column, ColumnKind.DateTime), c => get(c), (c, f) => set(c, f.Time(column)), isFixed);

    /// <summary>A normal form the finders compare: written from the customer, never read back into it.</summary>
    static Field Derived(string column, Func<Customer, string?> compute, int max = 255) =>
        new(null, new ColumnDef(column, ColumnKind.Text, max, Indexed: true), c => compute(c), (c, _) => c);

    static readonly Field[] Fields =
    [
        new("Number", new ColumnDef(Number, ColumnKind.Text, 20, Indexed: true, Unique: true, Required: true), c => c.Number,
            (c, f) => c with { Number = f.Text(Number)! }, Fixed: true),
        Text("Name", "Title", c => c.Name, (c, v) => c with { Name = v ?? "" }),
        Derived(NormalizedName, c => CustomerNames.Normalize(c.Name)),
        Text("Aliases", "Aliases", c => c.Aliases, (c, v) => c with { Aliases = v }),
        // One indexed column per alias: a prefix query on each (SharePoint refuses a top-level "or" on a big list).
        Derived(NormalizedAliases[0], c => CustomerAliases.Normalized(c.Aliases, 0)),
        Derived(NormalizedAliases[1], c => CustomerAliases.Normalized(c.Aliases, 1)),
        Derived(NormalizedAliases[2], c => CustomerAliases.Normalized(c.Aliases, 2)),
        Choice("Kind", "Kind", c => c.Kind, (c, v) => c with { Kind = v }),
        Text("Industry", "Industry", c => c.Industry, (c, v) => c with { Industry = v }),
        Text("CompanySize", "CompanySize", c => c.CompanySize, (c, v) => c with { CompanySize = v }),
        Text("Region", "Region", c => c.Region, (c, v) => c with { Region = v }),
        Note("Address", "Address", c => c.Address, (c, v) => c with { Address = v }),
        Text("Phone", "Phone", c => c.Phone, (c, v) => c with { Phone = v }, 64),
        Derived(NormalizedPhone, c => CustomerNames.NormalizePhone(c.Phone), 64),
        Text("Email", "Email", c => c.Email, (c, v) => c with { Email = v }),
        Text("Website", "Website", c => c.Website, (c, v) => c with { Website = v }),
        Text("Coordinates", "Coordinates", c => c.Coordinates, (c, v) => c with { Coordinates = v }, 64),
        Text("CreditCode", "CreditCode", c => c.CreditCode, (c, v) => c with { CreditCode = v }, 64),
        Derived(NormalizedCreditCode, c => CustomerNames.NormalizeCreditCode(c.CreditCode), 64),
        Text("OwnerAadObjectId", Owner, c => c.OwnerAadObjectId, (c, v) => c with { OwnerAadObjectId = v ?? "" }, 64, indexed: true, required: true),
        Choice("Category", "Category", c => c.Category, (c, v) => c with { Category = v }),
        Choice("Tier", "Tier", c => c.Tier, (c, v) => c with { Tier = v }),
        // Flags by name ("Group, Strategic"): SharePoint's multi-choice columns cannot be filtered on reliably.
        Text("KeyAccount", "KeyAccount", c => c.KeyAccount.ToString(), (c, v) => c with { KeyAccount = Enum.Parse<KeyAccountClasses>(v ?? "None") }),
        Text("Credit.Rating", "CreditRating", c => c.Credit.Rating, (c, v) => c with { Credit = c.Credit with { Rating = v } }),
        // Currency: SharePoint keeps a double, exact to the cent for amounts below 10^13.
        new("Credit.Limit", new ColumnDef("CreditLimit", ColumnKind.Currency), c => c.Credit.Limit,
            (c, f) => c with { Credit = c.Credit with { Limit = f.Decimal("CreditLimit") } }),
        Text("Credit.PaymentTerms", "PaymentTerms", c => c.Credit.PaymentTerms, (c, v) => c with { Credit = c.Credit with { PaymentTerms = v } }),
        Choice("Stage", "Stage", c => c.Stage, (c, v) => c with { Stage = v }),
        Choice("Status", Status, c => c.Status, (c, v) => c with { Status = v }, indexed: true),
        Note("Project.PurchasePlan", "PurchasePlan", c => c.Project.PurchasePlan, (c, v) => c with { Project = c.Project with { PurchasePlan = v } }),
        Note("Project.Problem", "Problem", c => c.Project.Problem, (c, v) => c with { Project = c.Project with { Problem = v } }),
        Note("Project.DecisionMakers", "DecisionMakers", c => c.Project.DecisionMakers, (c, v) => c with { Project = c.Project with { DecisionMakers = v } }),
        Note("Project.Timeline", "PurchaseTimeline", c => c.Project.Timeline, (c, v) => c with { Project = c.Project with { Timeline = v } }),
        Note("Project.Budget", "Budget", c => c.Project.Budget, (c, v) => c with { Project = c.Project with { Budget = v } }),
        Note("Project.Process", "PurchaseProcess", c => c.Project.Process, (c, v) => c with { Project = c.Project with { Process = v } }),
        Note("Competitor.ProductsUsed", "CompetitorProducts", c => c.Competitor.ProductsUsed, (c, v) => c with { Competitor = c.Competitor with { ProductsUsed = v } }),
        Note("Competitor.Satisfaction", "CompetitorSatisfaction", c => c.Competitor.Satisfaction, (c, v) => c with { Competitor = c.Competitor with { Satisfaction = v } }),
        Note("Competitor.CompetitorRep", "CompetitorRep", c => c.Competitor.CompetitorRep, (c, v) => c with { Competitor = c.Competitor with { CompetitorRep = v } }),
        Note("Competitor.Relationship", "CompetitorRelationship", c => c.Competitor.Relationship, (c, v) => c with { Competitor = c.Competitor with { Relationship = v } }),
        Time("CreatedAt", "CreatedAt", c => c.CreatedAt, (c, v) => c with { CreatedAt = v ?? default }, isFixed: true),
        Time("UpdatedAt", "UpdatedAt", c => c.UpdatedAt, (c, v) => c with { UpdatedAt = v ?? default }),
        Time("LastReviewedAt", "LastReviewedAt", c => c.LastReviewedAt, (c, v) => c with { LastReviewedAt = v }),
        Time("LastContactAt", LastContactAt, c => c.LastContactAt, (c, v) => c with { LastContactAt = v }),
        Time("DeletedAt", "DeletedAt", c => c.DeletedAt, (c, v) => c with { DeletedAt = v }),
        Time("PurgeAfter", "PurgeAfter", c => c.PurgeAfter, (c, v) => c with { PurgeAfter = v }),
    ];

    /// <summary>
    /// <see cref="Customer.Version"/>: a number only edits move. The item's eTag moves with every write, a visit's new
    /// last contact too, and an edit form opened before a visit must still save (IVisitLog.AddOnceAsync), so the eTag
    /// guards each write and this column says whether an edit came between. Items written before it existed read as 0.
    /// </summary>
    static readonly ColumnDef EditVersionColumn = new(EditVersion, ColumnKind.Number);

    /// <summary>The Customers list's own columns (the template's Title holds the name).</summary>
    public static readonly IReadOnlyList<ColumnDef> Columns = [.. Fields.Where(f => f.Key != "Title").Select(f => f.Column), EditVersionColumn];

    /// <summary>Everything a new file's item holds, at edit version 1; empty values are left out, as SharePoint would drop them anyway.</summary>
    public static Dictionary<string, object?> ForCreate(Customer c)
    {
        var fields = Fields.Select(f => (f.Key, Value: ItemFields.Wire(f.Write(c)))).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
        fields[EditVersion] = 1;
        return fields;
    }

    /// <summary>
    /// Every field an update may change (empty ones as null, so that they are cleared) and the next edit version, for a
    /// write guarded by <paramref name="at"/>'s eTag. The last contact is the visit log's: it is written only when the
    /// edit holds a later one than the item, so an edit read before a visit never takes it back.
    /// </summary>
    public static Dictionary<string, object?> ForUpdate(Customer c, CustomerItem at)
    {
        var fields = Fields.Where(f => !f.Fixed).ToDictionary(f => f.Key, f => ItemFields.Wire(f.Write(c)));
        if (c.LastContactAt is not { } contact || !at.IsBefore(contact)) fields.Remove(LastContactAt);
        fields[EditVersion] = at.EditVersion + 1;
        return fields;
    }

    public static Customer Read(ItemFields f)
    {
        var customer = new Customer
        {
            Number = "", Kind = CustomerKind.Enterprise, Name = "", OwnerAadObjectId = "",
            Version = (f.Integer(EditVersion) ?? 0).ToString(CultureInfo.InvariantCulture),
        };
        foreach (var field in Fields) customer = field.Read(customer, f);
        return customer;
    }

    /// <summary>Whether a change record names a field this table knows (by property path or column name).</summary>
    public static bool IsKnown(string name) => Find(name) is not null;

    /// <summary>The field's value as change records write it: text, enum names, invariant numbers, ISO times.</summary>
    public static string? TextOf(Customer c, string name) => Find(name)?.Write(c) switch
    {
        null => null,
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        var x => x.ToString(),
    };

    /// <summary><paramref name="target"/> with the named field copied from <paramref name="source"/>.</summary>
    public static Customer CopyField(Customer target, Customer source, string name)
    {
        var field = Find(name) ?? throw new ArgumentException($"'{name}' is not a customer field.", nameof(name));
        var value = new ItemFields("", new Dictionary<string, object?> { [field.Key] = ItemFields.Wire(field.Write(source)) });
        return field.Read(target, value);
    }

    static Field? Find(string name) => Fields.FirstOrDefault(f => f.Name is not null && !f.Fixed
        && (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)));
}
