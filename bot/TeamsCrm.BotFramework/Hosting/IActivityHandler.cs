using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// The seam between the protocol and the app: an authenticated, parsed, first-time activity goes in; for an
/// invoke the answer (or null: nothing handles it → 400) comes out.
/// </summary>
public interface IActivityHandler
{
    Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct);
}
