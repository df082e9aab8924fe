using MtaAudit.Parse.Os;

namespace MtaAudit.Tests.Parse.Os;

public class OsParsersGarbageTests
{
    [Fact]
    public void Uname_and_release_never_throw_on_hostile_text()
    {
        foreach (var text in GarbageText.All())
        {
            _ = UnameParser.Parse(text);
            _ = OsReleaseParser.Parse(text);
        }
    }
}
