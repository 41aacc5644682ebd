using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>
/// A cdk.out folder as CDK 2.160 writes it: manifest.json listing the stacks, one template per stack, nested stack
/// templates found through the asset manifest, cross-stack references through exports.
/// </summary>
public sealed class CloudAssemblyTests
{
    private const string Manifest = """
        {
          "version": "38.0.0",
          "artifacts": {
            "Network.assets": { "type": "cdk:asset-manifest", "properties": { "file": "Network.assets.json" } },
            "Network": {
              "type": "aws:cloudformation:stack",
              "environment": "aws://111122223333/eu-west-1",
              "properties": { "templateFile": "Network.template.json" },
              "dependencies": ["Network.assets"]
            },
            "App": {
              "type": "aws:cloudformation:stack",
              "environment": "aws://unknown-account/unknown-region",
              "properties": { "templateFile": "App.template.json" },
              "dependencies": ["Network"]
            },
            "Tree": { "type": "cdk:tree", "properties": { "file": "tree.json" } }
          }
        }
        """;

    private const string NetworkTemplate = """
        {
          "Resources": {
            "Vpc8378EB38": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },
            "ChildNestedStackChildNestedStackResourceC40294CA": {
              "Type": "AWS::CloudFormation::Stack",
              "Properties": {
                "Parameters": { "referencetoNetworkVpc7D085C14Ref": { "Ref": "Vpc8378EB38" } },
                "TemplateURL": { "Fn::Join": ["", ["https://s3.", { "Ref": "AWS::Region" }, ".", { "Ref": "AWS::URLSuffix" }, "/",
                  { "Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}" }, "/0a3b407e924ab8e25aba968bdf3f9c45b133b437e85e873b6a61a1c3efcb1fd3.json"]] }
              }
            },
            "RdpFromParent": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": { "Fn::GetAtt": ["ChildNestedStackChildNestedStackResourceC40294CA", "Outputs.NetworkChildSgId"] },
                "IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0"
              }
            },
            "CDKMetadata": { "Type": "AWS::CDK::Metadata", "Properties": { "Analytics": "v2:deflate64:H4sI" } }
          },
          "Outputs": {
            "ExportsOutputRefVpc8378EB38272D6E3A": { "Value": { "Ref": "Vpc8378EB38" }, "Export": { "Name": "Network:ExportsOutputRefVpc8378EB38272D6E3A" } },
            "SshGroup": { "Value": { "Fn::GetAtt": ["ChildNestedStackChildNestedStackResourceC40294CA", "Outputs.NetworkChildSgId"] } }
          },
          "Parameters": {
            "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" }
          },
          "Rules": {
            "CheckBootstrapVersion": {
              "Assertions": [{ "Assert": { "Fn::Not": [{ "Fn::Contains": [["1", "2", "3", "4", "5"], { "Ref": "BootstrapVersion" }] }] } }]
            }
          }
        }
        """;

    private const string NestedTemplate = """
        {
          "Resources": {
            "SgD4954771": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "Network/Child/Sg",
                "SecurityGroupEgress": [{ "CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252, "IpProtocol": "icmp", "ToPort": 86 }],
                "SecurityGroupIngress": [{ "CidrIp": "0.0.0.0/0", "Description": "from 0.0.0.0/0:22", "FromPort": 22, "IpProtocol": "tcp", "ToPort": 22 }],
                "VpcId": { "Ref": "referencetoNetworkVpc7D085C14Ref" }
              }
            }
          },
          "Outputs": { "NetworkChildSgId": { "Value": { "Fn::GetAtt": ["SgD4954771", "GroupId"] } } },
          "Parameters": { "referencetoNetworkVpc7D085C14Ref": { "Type": "String" } }
        }
        """;

    private const string Assets = """
        {
          "version": "38.0.0",
          "files": {
            "0a3b407e924ab8e25aba968bdf3f9c45b133b437e85e873b6a61a1c3efcb1fd3": {
              "source": { "path": "NetworkChild8B49BB45.nested.template.json", "packaging": "file" },
              "destinations": { "current_account-current_region": { "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "0a3b407e924ab8e25aba968bdf3f9c45b133b437e85e873b6a61a1c3efcb1fd3.json" } }
            }
          }
        }
        """;

    private const string AppTemplate = """
        {
          "Resources": {
            "Sg25F6699F6": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "App/Sg2",
                "SecurityGroupEgress": [{ "CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1" }],
                "VpcId": { "Fn::ImportValue": "Network:ExportsOutputRefVpc8378EB38272D6E3A" }
              }
            },
            "Rdp": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": { "GroupId": { "Fn::ImportValue": "Network:ExportsOutputRefVpc8378EB38272D6E3A" }, "IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0" }
            }
          }
        }
        """;

    private static string Assembly(bool withNestedTemplate = true)
    {
        var folder = Folder();
        Write(Manifest, "manifest.json", folder);
        Write(NetworkTemplate, "Network.template.json", folder);
        Write(AppTemplate, "App.template.json", folder);
        Write(Assets, "Network.assets.json", folder);
        if (withNestedTemplate)
        {
            Write(NestedTemplate, "NetworkChild8B49BB45.nested.template.json", folder);
        }

        return folder;
    }

    [Fact]
    public void Every_stack_and_nested_stack_is_read_with_ids_unique_across_stacks_and_references_resolved_across_them()
    {
        var template = TemplateSource.Load(Assembly(), new TemplateOptions { AccountId = "999988887777", Region = "us-west-2" });
        var groups = template.Inventory.SecurityGroups.ToDictionary(g => g.Id);

        Assert.Equal(["Network.Vpc8378EB38"], template.Inventory.Vpcs.Select(v => v.Id));
        var nested = groups["Network.ChildNestedStackChildNestedStackResourceC40294CA.SgD4954771"];
        Assert.Equal("Network.Vpc8378EB38", nested.VpcId);
        Assert.Equal(("111122223333", "eu-west-1"), (nested.AccountId, nested.Region));
        var imported = groups["App.Sg25F6699F6"];
        Assert.Equal("Network.Vpc8378EB38", imported.VpcId);
        Assert.Equal(("999988887777", "us-west-2"), (imported.AccountId, imported.Region));
        Assert.Contains("Network.Vpc8378EB38.default", groups.Keys);
        Assert.Equal(["111122223333", "999988887777"], template.Inventory.AccountIds);
        Assert.Equal(3, template.Files.Count);
        Assert.Empty(template.NotMapped);
    }

    [Fact]
    public void Findings_in_a_nested_stack_point_at_the_nested_template_file()
    {
        var template = TemplateSource.Load(Assembly(), new TemplateOptions());
        var finding = Assert.Single(Scan(template, RuleIds.Ec2SecurityGroup2), f => f.Status == ComplianceStatus.Fail);

        Assert.EndsWith("NetworkChild8B49BB45.nested.template.json", finding.Location!.File);
        Assert.Equal(("SgD4954771", 3, 5), (finding.Location.LogicalId, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_nested_stack_output_resolves_through_fn_getatt_in_the_parent()
    {
        var template = TemplateSource.Load(Assembly(), new TemplateOptions());

        var nested = Assert.Single(template.Inventory.SecurityGroups, g => g.Id.EndsWith(".SgD4954771", StringComparison.Ordinal));
        Assert.Equal([22, 3389], nested.IngressRules!.Select(r => r.FromPort!.Value));
    }

    [Fact]
    public void An_ingress_rule_for_a_group_outside_the_scan_is_not_judged_and_listed()
    {
        var template = TemplateSource.Load(Assembly(), new TemplateOptions());

        Assert.Contains(template.Warnings, w => w.Contains("AWS::EC2::SecurityGroupIngress Rdp is not judged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nested_template_that_is_not_in_the_folder_is_a_warning_not_an_error()
    {
        var template = TemplateSource.Load(Assembly(withNestedTemplate: false), new TemplateOptions());

        Assert.Contains(template.Warnings, w => w.Contains("nested stack ChildNestedStackChildNestedStackResourceC40294CA is not a local file", StringComparison.Ordinal));
        Assert.DoesNotContain(template.Inventory.SecurityGroups, g => g.Id.Contains("SgD4954771", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_an_input_error()
    {
        var folder = Folder();
        Write(NetworkTemplate, "Network.template.json", folder);

        var error = Assert.Throws<InputException>(() => TemplateSource.Load(folder, new TemplateOptions()));

        Assert.Contains("not a cdk.out folder: manifest.json is missing", error.Message);
    }

    [Fact]
    public void A_single_stack_assembly_keeps_plain_logical_ids()
    {
        var folder = Folder();
        Write("""{ "version": "38.0.0", "artifacts": { "Only": { "type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region", "properties": { "templateFile": "Only.template.json" } } } }""", "manifest.json", folder);
        Write(AppTemplate.Replace("""{ "Fn::ImportValue": "Network:ExportsOutputRefVpc8378EB38272D6E3A" }""", "\"vpc-0abc\""), "Only.template.json", folder);

        var template = TemplateSource.Load(folder, new TemplateOptions());

        Assert.Equal("Sg25F6699F6", Assert.Single(template.Inventory.SecurityGroups).Id);
        Assert.Equal("vpc-0abc", template.Inventory.SecurityGroups[0].VpcId);
    }
}
