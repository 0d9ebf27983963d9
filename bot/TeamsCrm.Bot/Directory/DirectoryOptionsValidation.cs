using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Directory;

/// <summary>Directory:People checked at start: a malformed id, a person twice in the list or without a name is a typing mistake to fix now.</summary>
public sealed class DirectoryOptionsValidation : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions o)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < o.People.Count; i++)
        {
            var p = o.People[i];
            if (string.IsNullOrWhiteSpace(p.AadObjectId)) continue;   // left out, as ConfiguredDirectory does (someone taken off)
            if (!Guid.TryParse(p.AadObjectId, out _))
                problems.Add($"Directory:People:{i}:AadObjectId '{p.AadObjectId}' is not an Entra object id (a GUID).");
            else if (!seen.Add(p.AadObjectId))
                problems.Add($"Directory:People:{i}:AadObjectId '{p.AadObjectId}' is listed twice.");
            if (string.IsNullOrWhiteSpace(p.Name))
                problems.Add($"Directory:People:{i}:Name is empty.");
            if (!string.IsNullOrEmpty(p.ManagerAadObjectId) && !Guid.TryParse(p.ManagerAadObjectId, out _))
                problems.Add($"Directory:People:{i}:ManagerAadObjectId '{p.ManagerAadObjectId}' is not an Entra object id (a GUID).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Directory:Graph checked at start (whether Graph is used at all is Directory:Provider's, checked as the directory is built).</summary>
public sealed class GraphDirectoryOptionsValidation : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions o)
    {
        var problems = new List<string>();
        foreach (var (role, group) in o.RoleGroups)
            if (!Guid.TryParse(group, out _))
                problems.Add($"Directory:Graph:RoleGroups:{role} '{group}' is not an Entra group id (a GUID).");
        if (o.CacheDuration <= TimeSpan.Zero || o.CacheDuration > TimeSpan.FromDays(1))
            problems.Add($"Directory:Graph:CacheDuration '{o.CacheDuration}' must be positive and at most a day.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
