namespace TeamsCrm.Bot.Directory;

/// <summary>
/// Who people are and whom they report to. Embedded: the organisation in configuration; production:
/// Entra ID groups per role and Graph /users/{id}/manager.
/// </summary>
public interface IDirectory
{
    ValueTask<Person?> FindAsync(string aadObjectId, CancellationToken ct = default);
    ValueTask<Person?> ManagerOfAsync(string aadObjectId, CancellationToken ct = default);
    ValueTask<IReadOnlyList<Person>> ReportsOfAsync(string aadObjectId, CancellationToken ct = default);
    ValueTask<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct = default);
}
