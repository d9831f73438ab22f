# frozen_string_literal: true

module Gitlab
  module CloudConnector
    class AvailableServices
      def self.find_by_name(name)
        name.to_sym
      end
    end
  end
end
