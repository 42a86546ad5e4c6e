"""The CloudFormation resource types of the AppStream family, shared by the scripts that read cfn-lint's schemas."""

RESOURCE_TYPES = [
    'AWS::AppStream::AppBlock',
    'AWS::AppStream::AppBlockBuilder',
    'AWS::AppStream::Application',
    'AWS::AppStream::ApplicationEntitlementAssociation',
    'AWS::AppStream::ApplicationFleetAssociation',
    'AWS::AppStream::DirectoryConfig',
    'AWS::AppStream::Entitlement',
    'AWS::AppStream::Fleet',
    'AWS::AppStream::ImageBuilder',
    'AWS::AppStream::Stack',
    'AWS::AppStream::StackFleetAssociation',
    'AWS::AppStream::StackUserAssociation',
    'AWS::AppStream::User',
]
