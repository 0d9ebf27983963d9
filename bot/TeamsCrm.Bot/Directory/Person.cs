namespace TeamsCrm.Bot.Directory;

/// <summary>Someone in the sales organisation, known by their Entra object id.</summary>
public sealed record Person(string AadObjectId, string Name, string? Email, IReadOnlySet<Role> Roles, string? ManagerAadObjectId)
{
    public bool Is(Role role) => Roles.Contains(role);
}

/// <summary>The roles of DOMAIN.md. A person may hold several (the demo sales manager is also key-account director).</summary>
public enum Role
{
    Rep,
    /// <summary>直接领导: leads a group of reps, approves their new customer files and visit plans.</summary>
    Supervisor,
    SalesManager,
    KeyAccountDirector,
    GeneralManager,
    CustomerService,
}
