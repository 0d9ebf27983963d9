using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Directory;

/// <summary>The organisation as written in configuration ("Directory:People"): the embedded default and the demo.</summary>
public sealed class ConfiguredDirectory : IDirectory
{
    readonly FrozenDictionary<string, Person> _people;

    public ConfiguredDirectory(IOptions<DirectoryOptions> options)
    {
        _people = options.Value.People
            .Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId))
            .Select(p => new Person(p.AadObjectId, p.Name, p.Email, p.Roles.ToHashSet(), p.ManagerAadObjectId))
            .ToFrozenDictionary(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A directory of exactly these people (tools and benchmarks that have them already).</summary>
    public static ConfiguredDirectory Of(IEnumerable<Person> people) => new(Options.Create(new DirectoryOptions
    {
        People = [.. people.Select(p => new PersonOptions
        {
            AadObjectId = p.AadObjectId, Name = p.Name, Email = p.Email, Roles = [.. p.Roles], ManagerAadObjectId = p.ManagerAadObjectId,
        })],
    }));

    public ValueTask<Person?> FindAsync(string aadObjectId, CancellationToken ct = default) =>
        ValueTask.FromResult(_people.GetValueOrDefault(aadObjectId));

    public ValueTask<Person?> ManagerOfAsync(string aadObjectId, CancellationToken ct = default) =>
        ValueTask.FromResult(_people.GetValueOrDefault(aadObjectId)?.ManagerAadObjectId is { } m ? _people.GetValueOrDefault(m) : null);

    public ValueTask<IReadOnlyList<Person>> ReportsOfAsync(string aadObjectId, CancellationToken ct = default) =>
        ValueTask.FromResult<IReadOnlyList<Person>>(_people.Values
            .Where(p => string.Equals(p.ManagerAadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList());

    public ValueTask<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct = default) =>
        ValueTask.FromResult<IReadOnlyList<Person>>(_people.Values.Where(p => p.Is(role)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
}

public sealed class DirectoryOptions
{
    public const string Section = "Directory";
    public List<PersonOptions> People { get; set; } = [];
}

public sealed class PersonOptions
{
    public string AadObjectId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public List<Role> Roles { get; set; } = [];
    public string? ManagerAadObjectId { get; set; }
}
