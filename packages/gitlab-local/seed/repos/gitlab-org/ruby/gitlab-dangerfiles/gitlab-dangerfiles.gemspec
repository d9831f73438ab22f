# frozen_string_literal: true

require_relative 'lib/gitlab/dangerfiles/version'

Gem::Specification.new do |spec|
  spec.name = 'gitlab-dangerfiles'
  spec.version = Gitlab::Dangerfiles::VERSION
  spec.authors = ['GitLab']
  spec.summary = 'This gem provides common Dangerfile and plugins for GitLab projects.'
  spec.required_ruby_version = '>= 3.0'
  spec.add_dependency 'danger-gitlab', '>= 8.0.0'
end
