using System.Globalization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Customer ↔ customers row. One list of columns makes the INSERT, the UPDATE and the SELECT, so a field
/// added to <see cref="Customer"/> needs one line here (and a column in a new migration step), not three.
/// </summary>
static class SqliteCustomerRows
{
    static readonly (string Column, Func<Customer, object?> Value)[] Columns =
    [
        ("number", c => c.Number),
        ("kind", c => c.Kind.ToString()),
        ("name", c => c.Name),
        ("name_normalized", c => CustomerNames.Normalize(c.Name)),
        ("aliases", c => c.Aliases),
        ("alias1_normalized", c => CustomerAliases.Normalized(c.Aliases, 0)),
        ("alias2_normalized", c => CustomerAliases.Normalized(c.Aliases, 1)),
        ("alias3_normalized", c => CustomerAliases.Normalized(c.Aliases, 2)),
        ("industry", c => c.Industry),
        ("company_size", c => c.CompanySize),
        ("region", c => c.Region),
        ("address", c => c.Address),
        ("phone", c => c.Phone),
        ("phone_normalized", c => CustomerNames.NormalizePhone(c.Phone)),
        ("email", c => c.Email),
        ("website", c => c.Website),
        ("coordinates", c => c.Coordinates),
        ("credit_code", c => c.CreditCode),
        ("credit_code_normalized", c => CustomerNames.NormalizeCreditCode(c.CreditCode)),
        ("owner_aad_object_id", c => c.OwnerAadObjectId),
        ("category", c => c.Category.ToString()),
        ("tier", c => c.Tier.ToString()),
        ("key_account", c => c.KeyAccount.ToString()),   // flags by name: "Group, Strategic"
        ("credit_rating", c => c.Credit.Rating),
        ("credit_limit", c => Sql.Money(c.Credit.Limit)),
        ("payment_terms", c => c.Credit.PaymentTerms),
        ("stage", c => c.Stage.ToString()),
        ("status", c => c.Status.ToString()),
        ("purchase_plan", c => c.Project.PurchasePlan),
        ("problem", c => c.Project.Problem),
        ("decision_makers", c => c.Project.DecisionMakers),
        ("purchase_timeline", c => c.Project.Timeline),
        ("budget", c => c.Project.Budget),
        ("purchase_process", c => c.Project.Process),
        ("competitor_products", c => c.Competitor.ProductsUsed),
        ("competitor_satisfaction", c => c.Competitor.Satisfaction),
        ("competitor_rep", c => c.Competitor.CompetitorRep),
        ("competitor_relationship", c => c.Competitor.Relationship),
        ("created_at", c => Sql.Iso(c.CreatedAt)),
        ("updated_at", c => Sql.Iso(c.UpdatedAt)),
        ("last_reviewed_at", c => Sql.Iso(c.LastReviewedAt)),
        ("last_contact_at", c => Sql.Iso(c.LastContactAt)),
        ("deleted_at", c => Sql.Iso(c.DeletedAt)),
        ("purge_after", c => Sql.Iso(c.PurgeAfter)),
    ];

    /// <summary>Never changed by an update: the registration number and the filing time.</summary>
    static readonly string[] Fixed = ["number", "created_at"];

    public static readonly string Select = "SELECT " + string.Join(", ", Columns.Select(c => c.Column)) + ", version FROM customers";

    /// <summary>A new file starts at row version 1.</summary>
    public static readonly string Insert =
        $"INSERT INTO customers ({string.Join(", ", Columns.Select(c => c.Column))}, version) " +
        $"VALUES ({string.Join(", ", Columns.Select(c => "$" + c.Column))}, 1)";

    /// <summary>
    /// Changes the row only if it is still at $version, and moves it to the next version. The last contact is
    /// the visit log's: an edit read before a visit was logged must not move it back, so the later one stays.
    /// </summary>
    public static readonly string Update =
        "UPDATE customers SET " +
        string.Join(", ", Columns.Where(c => !Fixed.Contains(c.Column)).Select(c => c.Column == LastContact
            ? $"{c.Column} = CASE WHEN ${c.Column} IS NULL OR {c.Column} > ${c.Column} THEN {c.Column} ELSE ${c.Column} END"
            : $"{c.Column} = ${c.Column}")) +
        ", version = version + 1 WHERE number = $number AND version = $version";

    const string LastContact = "last_contact_at";

    public static (string Name, object? Value)[] Parameters(Customer customer) =>
        [.. Columns.Select(c => ("$" + c.Column, c.Value(customer)))];

    public static Customer Read(SqliteDataReader r) => new()
    {
        Number = r.Text("number"),
        Kind = r.EnumOf<CustomerKind>("kind"),
        Name = r.Text("name"),
        Aliases = r.TextOrNull("aliases"),
        Industry = r.TextOrNull("industry"),
        CompanySize = r.TextOrNull("company_size"),
        Region = r.TextOrNull("region"),
        Address = r.TextOrNull("address"),
        Phone = r.TextOrNull("phone"),
        Email = r.TextOrNull("email"),
        Website = r.TextOrNull("website"),
        Coordinates = r.TextOrNull("coordinates"),
        CreditCode = r.TextOrNull("credit_code"),
        OwnerAadObjectId = r.Text("owner_aad_object_id"),
        Category = r.EnumOf<CustomerCategory>("category"),
        Tier = r.EnumOf<CustomerTier>("tier"),
        KeyAccount = r.EnumOf<KeyAccountClasses>("key_account"),
        Credit = new Credit(r.TextOrNull("credit_rating"), r.MoneyOrNull("credit_limit"), r.TextOrNull("payment_terms")),
        Stage = r.EnumOf<DevelopmentStage>("stage"),
        Status = r.EnumOf<CustomerStatus>("status"),
        Project = new ProjectIntelligence(r.TextOrNull("purchase_plan"), r.TextOrNull("problem"), r.TextOrNull("decision_makers"),
            r.TextOrNull("purchase_timeline"), r.TextOrNull("budget"), r.TextOrNull("purchase_process")),
        Competitor = new CompetitorIntelligence(r.TextOrNull("competitor_products"), r.TextOrNull("competitor_satisfaction"),
            r.TextOrNull("competitor_rep"), r.TextOrNull("competitor_relationship")),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
        LastReviewedAt = r.TimeOrNull("last_reviewed_at"),
        LastContactAt = r.TimeOrNull("last_contact_at"),
        DeletedAt = r.TimeOrNull("deleted_at"),
        PurgeAfter = r.TimeOrNull("purge_after"),
        Version = r.Integer("version").ToString(CultureInfo.InvariantCulture),
    };
}
