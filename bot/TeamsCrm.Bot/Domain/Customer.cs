namespace TeamsCrm.Bot.Domain;

/// <summary>
/// A customer file (客户档案 / 客户资料卡): one per customer, enterprise (table 2-7) or individual (table 2-8),
/// known by its registration number (登记编号, e.g. C-2026-00042).
/// </summary>
public sealed record Customer
{
    public required string Number { get; init; }
    public required CustomerKind Kind { get; init; }
    public required string Name { get; init; }
    /// <summary>Short and former names, "; "-separated (<see cref="CustomerAliases"/>).</summary>
    public string? Aliases { get; init; }
    public string? Industry { get; init; }
    public string? CompanySize { get; init; }
    public string? Region { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    /// <summary>Where the customer is, typed on the file ("31.298900, 120.585300", <see cref="Visits.GeoPoint.TryParse"/>): check-ins are measured against it.</summary>
    public string? Coordinates { get; init; }
    /// <summary>统一社会信用代码 (enterprises): the strongest duplicate signal there is.</summary>
    public string? CreditCode { get; init; }
    public required string OwnerAadObjectId { get; init; }
    public CustomerCategory Category { get; init; } = CustomerCategory.New;
    public CustomerTier Tier { get; init; } = CustomerTier.General;
    /// <summary>Group and strategic are set by a manager; quality and high-value are computed from contracts.</summary>
    public KeyAccountClasses KeyAccount { get; init; }
    public Credit Credit { get; init; } = new();
    public DevelopmentStage Stage { get; init; } = DevelopmentStage.Identify;
    public CustomerStatus Status { get; init; } = CustomerStatus.Pending;
    public ProjectIntelligence Project { get; init; } = new();
    public CompetitorIntelligence Competitor { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? LastReviewedAt { get; init; }
    public DateTimeOffset? LastContactAt { get; init; }
    /// <summary>Set when a deletion is approved; the file can be restored until <see cref="PurgeAfter"/>.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
    public DateTimeOffset? PurgeAfter { get; init; }
    /// <summary>Optimistic concurrency token: SQLite row version or SharePoint eTag. Opaque to the domain.</summary>
    public string Version { get; init; } = "";
}

public enum CustomerKind { Enterprise, Individual }

/// <summary>客户类别.</summary>
public enum CustomerCategory { New, Regular, Important, Potential }

/// <summary>档次.</summary>
public enum CustomerTier { Important, Special, General }

/// <summary>大客户 classes; they may overlap.</summary>
[Flags]
public enum KeyAccountClasses
{
    None = 0,
    Quality = 1,     // 优质
    HighValue = 2,   // 高值
    Group = 4,       // 集团
    Strategic = 8,   // 战略
}

/// <summary>开发阶段 of a key account: five stages, then won or dropped.</summary>
public enum DevelopmentStage { Identify = 1, Demo = 2, Assessment = 3, Relationship = 4, Closing = 5, Won = 6, Dropped = 7 }

/// <summary>pending → active → deletion requested → deleted (restorable for 30 days) → purged.</summary>
public enum CustomerStatus { Pending, Active, DeletionRequested, Deleted, Purged }

/// <summary>信用: rating, credit limit (信用限度) and payment terms.</summary>
public sealed record Credit(string? Rating = null, decimal? Limit = null, string? PaymentTerms = null);

/// <summary>项目资料.</summary>
public sealed record ProjectIntelligence(
    string? PurchasePlan = null, string? Problem = null, string? DecisionMakers = null,
    string? Timeline = null, string? Budget = null, string? Process = null);

/// <summary>竞争对手资料.</summary>
public sealed record CompetitorIntelligence(
    string? ProductsUsed = null, string? Satisfaction = null, string? CompetitorRep = null, string? Relationship = null);
