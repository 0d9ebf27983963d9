namespace TeamsCrm.Bot.Domain;

/// <summary>What a rep enters for a new customer file; the archive gives it its number and saves it as pending.</summary>
public sealed record NewCustomer(
    CustomerKind Kind,
    string Name,
    string OwnerAadObjectId,
    string? Industry = null,
    string? CompanySize = null,
    string? Region = null,
    string? Address = null,
    string? Phone = null,
    string? Email = null,
    string? Website = null,
    string? CreditCode = null,
    CustomerCategory Category = CustomerCategory.New,
    CustomerTier Tier = CustomerTier.General,
    IReadOnlyList<NewContact>? Contacts = null,
    string? Aliases = null,
    string? Coordinates = null);

public sealed record NewContact(string Name, string? Title, string? Phone, string? Email, ContactRole Role);

/// <summary>The whole file as the customer card shows it.</summary>
public sealed record CustomerFile(
    Customer Customer,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<ArchiveEntry> Entries,
    IReadOnlyList<ChangeRecord> History);
