/**
 * [cfn] The create-only properties of each AWS::AppStream::* type (the schema's `createOnlyProperties`,
 * top level, as scripts/cfn-limits.json records them; test/conformance/create-only.test.ts keeps the
 * two equal): a change to one makes CloudFormation replace the resource, creating the new one before
 * deleting the old. A resource with a custom name cannot be replaced so, unless the name changes too:
 * a generated name ends in a hash of these (the name itself aside), see `resourceName`.
 */
export const CREATE_ONLY_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::AppStream::AppBlock': ['Description', 'DisplayName', 'Name', 'PackagingType', 'PostSetupScriptDetails', 'SetupScriptDetails', 'SourceS3Location'],
  'AWS::AppStream::AppBlockBuilder': ['Name'],
  'AWS::AppStream::Application': ['InstanceFamilies', 'Name', 'Platforms'],
  'AWS::AppStream::ApplicationEntitlementAssociation': ['ApplicationIdentifier', 'EntitlementName', 'StackName'],
  'AWS::AppStream::ApplicationFleetAssociation': ['ApplicationArn', 'FleetName'],
  'AWS::AppStream::DirectoryConfig': ['DirectoryName'],
  'AWS::AppStream::Entitlement': ['Name', 'StackName'],
  'AWS::AppStream::Fleet': ['FleetType', 'Name'],
  'AWS::AppStream::ImageBuilder': ['Name'],
  'AWS::AppStream::Stack': ['Name'],
  'AWS::AppStream::StackFleetAssociation': [],
  'AWS::AppStream::StackUserAssociation': ['AuthenticationType', 'SendEmailNotification', 'StackName', 'UserName'],
  'AWS::AppStream::User': ['AuthenticationType', 'FirstName', 'LastName', 'MessageAction', 'UserName'],
};
