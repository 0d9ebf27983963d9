using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The basic fields of a customer file as the new-customer and edit forms carry them. A field's id is its
/// input id on the card and its name in the change records.
/// </summary>
public sealed record CustomerBasics(
    string Name, string? Industry, string? CompanySize, string? Region, string? Address, string? Phone, string? Email,
    string? Website, string? CreditCode, CustomerCategory Category, CustomerTier Tier, string? Aliases = null, string? Coordinates = null)
{
    /// <summary>规模, in people; the enterprise form offers these and nothing else.</summary>
    public static readonly IReadOnlyList<string> CompanySizes = ["1-19", "20-99", "100-499", "500-999", "1000+"];

    static readonly string[] EnterpriseFields =
        ["name", "aliases", "industry", "companySize", "region", "address", "coordinates", "phone", "email", "website", "creditCode", "category", "tier"];

    /// <summary>Individual files (个人客户档案卡) have no company size and no credit code.</summary>
    public static IReadOnlyList<string> FieldsOf(CustomerKind kind) =>
        kind == CustomerKind.Enterprise ? EnterpriseFields : [.. EnterpriseFields.Where(f => f is not ("companySize" or "creditCode"))];

    /// <summary>Null when any of them is invalid; the reader then holds the messages.</summary>
    public static CustomerBasics? Read(FormReader f, CustomerKind kind)
    {
        var enterprise = kind == CustomerKind.Enterprise;
        var basics = new CustomerBasics(
            f.Text("name", required: true) ?? "",
            f.Text("industry"),
            enterprise ? f.OneOf("companySize", CompanySizes) : null,
            f.Text("region"),
            f.Text("address"),
            f.Phone("phone", required: !enterprise),   // an individual is reached by phone; a company may have only a contact's
            f.Email("email"),
            f.Website("website"),
            enterprise ? f.CreditCode("creditCode") : null,
            f.Choice<CustomerCategory>("category", required: true) ?? CustomerCategory.New,
            f.Choice<CustomerTier>("tier", required: true) ?? CustomerTier.General,
            ReadAliases(f),
            ReadCoordinates(f));
        return FieldsOf(kind).Any(id => f.Errors.ContainsKey(id)) ? null : basics;
    }

    /// <summary>Other names (<see cref="CustomerAliases"/>): at most three, each a line's worth, kept as "a; b; c".</summary>
    static string? ReadAliases(FormReader f)
    {
        if (f.Text("aliases", maxLength: Limits.Description) is not { } typed) return null;
        var names = CustomerAliases.Split(typed);
        if (names.Count > CustomerAliases.Max) f.Fail("aliases", "customers.aliasesTooMany", CustomerAliases.Max);
        else if (names.FirstOrDefault(a => a.Length > CustomerAliases.MaxLength) is { } longOne)
            f.Fail("aliases", "form.tooLong", CustomerAliases.MaxLength, longOne.Length);
        return CustomerAliases.Join(names);
    }

    /// <summary>Where the customer is ("31.2989, 120.5853"), kept in one form (six decimals) so a change is a real one.</summary>
    static string? ReadCoordinates(FormReader f)
    {
        if (f.Text("coordinates", maxLength: 64) is not { } typed) return null;
        if (Domain.Visits.GeoPoint.TryParse(typed, out var point)) return point.ToString();
        f.Fail("coordinates", "customers.coordinatesInvalid");
        return null;
    }

    /// <summary>From field id → value as <see cref="Values"/> gives them (an approved modification's "after").</summary>
    public static CustomerBasics FromValues(IReadOnlyDictionary<string, string?> v) =>
        new(v.GetValueOrDefault("name") ?? "", v.GetValueOrDefault("industry"), v.GetValueOrDefault("companySize"), v.GetValueOrDefault("region"),
            v.GetValueOrDefault("address"), v.GetValueOrDefault("phone"), v.GetValueOrDefault("email"), v.GetValueOrDefault("website"),
            v.GetValueOrDefault("creditCode"), Enum.TryParse<CustomerCategory>(v.GetValueOrDefault("category"), out var cat) ? cat : CustomerCategory.New,
            Enum.TryParse<CustomerTier>(v.GetValueOrDefault("tier"), out var tier) ? tier : CustomerTier.General, v.GetValueOrDefault("aliases"),
            v.GetValueOrDefault("coordinates"));

    public static CustomerBasics Of(Customer c) =>
        new(c.Name, c.Industry, c.CompanySize, c.Region, c.Address, c.Phone, c.Email, c.Website, c.CreditCode, c.Category, c.Tier, c.Aliases, c.Coordinates);

    public Customer ApplyTo(Customer c) => c with
    {
        Name = Name, Industry = Industry, CompanySize = CompanySize, Region = Region, Address = Address, Phone = Phone,
        Email = Email, Website = Website, CreditCode = CreditCode, Category = Category, Tier = Tier, Aliases = Aliases, Coordinates = Coordinates,
    };

    public NewCustomer ToDraft(CustomerKind kind, string ownerAadObjectId, NewContact? firstContact) =>
        new(kind, Name, ownerAadObjectId, Industry, CompanySize, Region, Address, Phone, Email, Website, CreditCode, Category, Tier,
            firstContact is null ? [] : [firstContact], Aliases, Coordinates);

    /// <summary>Field id → the value as stored and as a card input holds it (enums by name); null when empty.</summary>
    public IReadOnlyDictionary<string, string?> Values(CustomerKind kind)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = Name, ["aliases"] = Aliases, ["industry"] = Industry, ["companySize"] = CompanySize, ["region"] = Region, ["address"] = Address,
            ["coordinates"] = Coordinates,
            ["phone"] = Phone, ["email"] = Email, ["website"] = Website, ["creditCode"] = CreditCode,
            ["category"] = Category.ToString(), ["tier"] = Tier.ToString(),
        };
        return FieldsOf(kind).ToDictionary(id => id, id => all[id], StringComparer.Ordinal);
    }

    /// <summary>The fields whose value differs, in form order.</summary>
    public IReadOnlyList<(string Field, string? Old, string? New)> ChangesTo(CustomerBasics after, CustomerKind kind)
    {
        var (old, @new) = (Values(kind), after.Values(kind));
        return [.. FieldsOf(kind).Where(id => old[id] != @new[id]).Select(id => (id, old[id], @new[id]))];
    }
}
