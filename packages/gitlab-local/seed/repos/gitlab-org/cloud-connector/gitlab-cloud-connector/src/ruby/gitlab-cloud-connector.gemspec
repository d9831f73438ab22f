# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name = 'gitlab-cloud-connector'
  spec.version = '1.9.0'
  spec.authors = ['GitLab']
  spec.summary = 'Cloud Connector configuration for GitLab Rails'
  spec.files = Dir['lib/**/*.rb']
end
