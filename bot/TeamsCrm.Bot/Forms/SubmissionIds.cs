namespace TeamsCrm.Bot.Forms;

/// <summary>
/// A form's idempotency key: made when the card is built, carried in its submit action's data, and used by
/// the archive to store the form's record once however often the button is pressed or the invoke redelivered.
/// </summary>
public static class SubmissionIds
{
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>The id a card sent, in one canonical form; null when it is missing or not one we made.</summary>
    public static string? Parse(string? sent) => Guid.TryParse(sent, out var id) && id != Guid.Empty ? id.ToString("D") : null;
}
