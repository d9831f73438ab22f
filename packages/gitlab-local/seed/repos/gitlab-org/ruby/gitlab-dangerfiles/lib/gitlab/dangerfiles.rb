# frozen_string_literal: true

require_relative 'dangerfiles/version'

module Gitlab
  module Dangerfiles
    def self.for_project(dangerfile, project_name = nil)
      yield(project_name || dangerfile) if block_given?
    end
  end
end
