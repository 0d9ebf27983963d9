using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>The contact inputs (联系人) of the new-customer and add-contact forms: name, title, phone, email, role.</summary>
public static class ContactForm
{
    public static readonly string[] Fields = ["contactName", "contactTitle", "contactPhone", "contactEmail", "contactRole"];

    /// <param name="required">False: the contact may be left out entirely, but not half filled in.</param>
    public static NewContact? Read(FormReader f, bool required)
    {
        var name = f.Text("contactName", required);
        var title = f.Text("contactTitle");
        var phone = f.Phone("contactPhone");
        var email = f.Email("contactEmail");
        var role = f.Choice<ContactRole>("contactRole", required: name is not null);
        if (name is null && !f.Errors.ContainsKey("contactName") && (title ?? phone ?? email) is not null)
            f.Fail("contactName", "customers.contactNameNeeded");
        return name is null || role is null || Fields.Any(id => f.Errors.ContainsKey(id))
            ? null
            : new NewContact(name, title, phone, email, role.Value);
    }

    /// <summary>The same person with the same details is on file already (a form sent twice).</summary>
    public static bool IsOnFile(NewContact n, IEnumerable<Contact> contacts) => contacts.Any(c =>
        c.Name == n.Name && c.Title == n.Title && c.Phone == n.Phone && c.Email == n.Email && c.Role == n.Role);
}
