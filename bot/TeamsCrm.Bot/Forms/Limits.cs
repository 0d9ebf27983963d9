namespace TeamsCrm.Bot.Forms;

/// <summary>
/// How long a typed value may be. The production archive is SharePoint lists: a "single line of text" column
/// holds 255 characters, "multiple lines" 63,999; descriptions are kept far shorter so that a card showing
/// a few of them stays under Teams' message size limit.
/// </summary>
public static class Limits
{
    public const int SingleLine = 255;
    public const int Description = 4000;
    /// <summary>A reason for a change or deletion, or an approver's comment: a few sentences, shown on request cards.</summary>
    public const int Reason = 1000;
}
