namespace TeamsCrm.FakeGraph.State;

/// <summary>The facet a Graph columnDefinition carries (one per column); Counter is SharePoint's built-in ID.</summary>
public enum ColumnType { Text, Number, Currency, DateTime, Choice, Boolean, PersonOrGroup, Lookup, Counter }

/// <summary>A list column as SharePoint keeps it. Mutable only under the owning list's lock.</summary>
public sealed class FakeColumn
{
    /// <summary>A single line of text holds at most 255 characters; multiple lines at most 63,999.</summary>
    public const int SingleLineMax = 255, MultiLineMax = 63_999;

    public string Id { get; init; } = Guid.NewGuid().ToString();
    public required string Name { get; init; }
    public required ColumnType Type { get; init; }
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Indexed { get; set; }
    public bool EnforceUniqueValues { get; set; }
    public bool Required { get; set; }
    public bool ReadOnly { get; init; }
    public bool BuiltIn { get; init; }

    // Facet details.
    public int MaxLength { get; set; } = SingleLineMax;
    public bool AllowMultipleLines { get; init; }
    public string DateFormat { get; init; } = "dateTime";
    public IReadOnlyList<string> Choices { get; init; } = [];
    public string? LookupListId { get; init; }
    public string? LookupColumnName { get; init; }

    /// <summary>Lookups and people are written and read as "{Name}LookupId" (the target item's or the site user's id).</summary>
    public string FieldKey => Type is ColumnType.Lookup or ColumnType.PersonOrGroup ? Name + "LookupId" : Name;

    /// <summary>SharePoint cannot index multiple lines of text, so it cannot make them unique either.</summary>
    public bool CanBeIndexed => !(Type == ColumnType.Text && AllowMultipleLines);

    internal static FakeColumn Builtin(string name, ColumnType type, bool indexed = false, bool required = false, bool readOnly = true) => new()
    {
        Id = DeterministicGuid(name),
        Name = name,
        DisplayName = name,
        Type = type,
        Indexed = indexed,
        Required = required,
        ReadOnly = readOnly,
        BuiltIn = true,
    };

    /// <summary>SharePoint's site columns (Title, ID, Created, Modified) have fixed ids everywhere; ours are stable too.</summary>
    static string DeterministicGuid(string name) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("builtin:" + name))).ToString();
}
